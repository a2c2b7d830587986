package io.tenantconfig.adapters.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.TenantId;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code token} command's minter: tokens this service accepts, or a clear refusal. */
class TokenMinterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "exactly-thirty-two-bytes-0123456";

    @Test
    void a_minted_token_verifies_as_the_caller_it_names_until_it_expires() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret(SECRET);
        String token = new TokenMinter(auth.settings(), CLOCK).mint("ops", "acme", List.of(), Duration.ofMinutes(5));

        CallerPrincipal caller =
                new JwtVerifier(auth.settings(), CLOCK).verify(token).orElseThrow();

        assertThat(caller.subject()).isEqualTo("ops");
        assertThat(caller.tenant()).contains(TenantId.of("acme"));
        assertThat(caller.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void minting_without_an_hmac_secret_is_refused() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("RS256"));
        auth.setRsaPublicKey(rsaPublicKeyPem());

        assertThatThrownBy(() -> new TokenMinter(auth.settings(), CLOCK))
                .hasMessage("minting needs an HMAC secret (auth.hmacSecret)");
    }

    @Test
    void minting_when_no_hmac_algorithm_is_accepted_is_refused() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("RS256"));
        auth.setRsaPublicKey(rsaPublicKeyPem());
        auth.setHmacSecret(SECRET);
        TokenMinter minter = new TokenMinter(auth.settings(), CLOCK);

        assertThatThrownBy(() -> minter.mint("ops", null, List.of("admin"), Duration.ofMinutes(5)))
                .hasMessage("minting needs an HMAC algorithm in auth.algorithms");
    }

    private static String rsaPublicKeyPem() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder()
                            .encodeToString(rsa.generateKeyPair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
