package io.tenantconfig.adapters.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weak or missing keys stop the service at start, with a message naming the setting. */
class JwtAuthFactoryTest {

    @Test
    void a_secret_shorter_than_256_bits_is_refused() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("only-31-bytes-of-secret-0123456");

        assertThatThrownBy(auth::settings)
                .hasMessageContaining("JWT_SECRET_KEY")
                .hasMessageContaining("256 bits");
    }

    @Test
    void hs256_without_any_secret_is_refused() {
        assertThatThrownBy(() -> new JwtAuthFactory().settings())
                .hasMessage("auth.hmacSecret (JWT_SECRET_KEY) must be at least 32 bytes for HS256");
    }

    @Test
    void hs512_needs_a_512_bit_secret() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("HS512"));
        auth.setHmacSecret("a-secret-of-exactly-forty-bytes-01234567");

        assertThatThrownBy(auth::settings).hasMessageContaining("at least 64 bytes for HS512");
    }

    @Test
    void rs256_needs_a_public_key() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("RS256"));

        assertThatThrownBy(auth::settings).hasMessageContaining("auth.rsaPublicKey");
    }

    @Test
    void rs256_refuses_a_key_of_another_kind() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("RS256"));
        auth.setRsaPublicKey("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(ec.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----");

        assertThatThrownBy(auth::settings).hasMessageContaining("auth.rsaPublicKey");
    }

    @Test
    void an_unknown_algorithm_is_refused() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("none"));

        assertThatThrownBy(auth::settings).hasMessageContaining("auth.algorithms must be some of");
    }

    @Test
    void a_public_key_that_is_not_pem_is_refused() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setAlgorithms(List.of("ES256"));
        auth.setEcPublicKey("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----");

        assertThatThrownBy(auth::settings).hasMessageContaining("auth.ecPublicKey is not an EC public key");
    }

    @Test
    void a_256_bit_secret_is_accepted() {
        JwtAuthFactory auth = new JwtAuthFactory();
        auth.setHmacSecret("exactly-thirty-two-bytes-0123456");

        assertThat(auth.settings().algorithms()).containsExactly("HS256");
    }
}
