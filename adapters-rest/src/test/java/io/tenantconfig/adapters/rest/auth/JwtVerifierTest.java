package io.tenantconfig.adapters.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.tenantconfig.domain.TenantId;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Public-key algorithms, and the issuer and audience checks. */
class JwtVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @Test
    void es256_tokens_verify_with_the_configured_public_key_and_no_other() throws Exception {
        KeyPair trusted = ecKeys();
        KeyPair stranger = ecKeys();
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("ES256"));
        auth.setEcPublicKey(pem(trusted));
        JwtVerifier verifier = new JwtVerifier(auth.settings(), CLOCK);

        String good = Jwts.builder()
                .subject("svc")
                .claim("tenant_id", "acme")
                .claim("roles", List.of("service"))
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(trusted.getPrivate(), Jwts.SIG.ES256)
                .compact();
        String forged = Jwts.builder()
                .subject("svc")
                .claim("tenant_id", "acme")
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(stranger.getPrivate(), Jwts.SIG.ES256)
                .compact();

        assertThat(verifier.verify(good)).hasValueSatisfying(caller -> {
            assertThat(caller.subject()).isEqualTo("svc");
            assertThat(caller.hasRole(Roles.SERVICE)).isTrue();
        });
        assertThat(verifier.verify(forged)).isEmpty();
    }

    @ParameterizedTest(name = "issuer {0}, audience {1}: accepted {2}")
    @CsvSource({
        "https://auth.platform.example, tenant-config,   true",
        "https://someone-else.example,  tenant-config,   false",
        "https://auth.platform.example, another-service, false",
        "https://someone-else.example,  another-service, false"
    })
    void issuer_and_audience_are_each_checked_when_configured(String issuer, String audience, boolean accepted) {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("exactly-thirty-two-bytes-0123456");
        auth.setIssuer("https://auth.platform.example");
        auth.setAudience("tenant-config");
        JwtVerifier verifier = new JwtVerifier(auth.settings(), CLOCK);
        JwtAuthFactory signer = new JwtAuthFactory();
        signer.setHmacSecret("exactly-thirty-two-bytes-0123456");
        signer.setIssuer(issuer);
        signer.setAudience(audience);

        String token = new TokenMinter(signer.settings(), CLOCK).mint("u", "acme", List.of(), Duration.ofMinutes(5));

        assertThat(verifier.verify(token).isPresent()).isEqualTo(accepted);
    }

    @Test
    void configured_role_names_map_to_the_api_roles() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("exactly-thirty-two-bytes-0123456");
        auth.setAdminRole("platform_admin");
        auth.setServiceRole("backend");
        JwtVerifier verifier = new JwtVerifier(auth.settings(), CLOCK);
        JwtAuthFactory defaults = new JwtAuthFactory();
        defaults.setHmacSecret("exactly-thirty-two-bytes-0123456");
        TokenMinter withDefaultNames = new TokenMinter(defaults.settings(), CLOCK);

        CallerPrincipal admin = verifier.verify(
                        withDefaultNames.mint("a", null, List.of("platform_admin"), Duration.ofMinutes(5)))
                .orElseThrow();
        CallerPrincipal plain = verifier.verify(
                        withDefaultNames.mint("b", "t", List.of("admin"), Duration.ofMinutes(5)))
                .orElseThrow();

        assertThat(admin.roles()).containsExactly(Roles.ADMIN);
        assertThat(plain.roles())
                .as("the default name means nothing once renamed")
                .isEmpty();
    }

    @Test
    void minted_tokens_carry_the_claim_and_role_names_the_service_is_configured_to_read() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("exactly-thirty-two-bytes-0123456");
        auth.setTenantClaims(List.of("org"));
        auth.setUserClaims(List.of("uid"));
        auth.setRoleClaims(List.of("permissions"));
        auth.setAdminRole("platform_admin");
        auth.setServiceRole("backend");
        JwtVerifier verifier = new JwtVerifier(auth.settings(), CLOCK);
        TokenMinter minter = new TokenMinter(auth.settings(), CLOCK);

        CallerPrincipal caller = verifier.verify(
                        minter.mint("alice", "acme", List.of("admin", "service"), Duration.ofMinutes(5)))
                .orElseThrow();

        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.tenant()).contains(TenantId.of("acme"));
        assertThat(caller.roles()).containsExactlyInAnyOrder(Roles.ADMIN, Roles.SERVICE);
        assertThat(caller.tokenRoles()).containsExactlyInAnyOrder("platform_admin", "backend");
    }

    @Test
    void a_tenant_or_user_given_as_a_number_is_read_as_its_digits() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("exactly-thirty-two-bytes-0123456");
        JwtVerifier verifier = new JwtVerifier(auth.settings(), CLOCK);

        String token = Jwts.builder()
                .claim("user_id", 1001)
                .claim("tenant_id", 42)
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(auth.settings().hmacKey())
                .compact();

        assertThat(verifier.verify(token)).hasValueSatisfying(caller -> {
            assertThat(caller.subject()).isEqualTo("1001");
            assertThat(caller.tenant()).contains(TenantId.of("42"));
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "admin\nINFO  [2026-01-01 00:00:00] io.tenantconfig.Forged: admin logged in",
                "nul\u0000",
                "bell\u0007"
            })
    void a_subject_with_control_characters_is_refused_so_it_can_forge_no_log_line_or_audit_entry(String subject) {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("exactly-thirty-two-bytes-0123456");
        JwtVerifier verifier = new JwtVerifier(auth.settings(), CLOCK);

        String token = Jwts.builder()
                .subject(subject)
                .claim("tenant_id", "acme")
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(auth.settings().hmacKey())
                .compact();

        assertThat(verifier.verify(token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme/eu", "/", "acme/"})
    void a_tenant_claim_with_a_slash_is_refused_since_no_path_could_name_that_tenant(String tenant) {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("exactly-thirty-two-bytes-0123456");
        JwtVerifier verifier = new JwtVerifier(auth.settings(), CLOCK);
        String token = Jwts.builder()
                .subject("user-1")
                .claim("tenant_id", tenant)
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(auth.settings().hmacKey())
                .compact();
        String sameWithoutSlash = Jwts.builder()
                .subject("user-1")
                .claim("tenant_id", tenant.replace('/', '-'))
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(auth.settings().hmacKey())
                .compact();

        assertThat(verifier.verify(token)).isEmpty();
        assertThat(verifier.verify(sameWithoutSlash)).isPresent();
    }
}
