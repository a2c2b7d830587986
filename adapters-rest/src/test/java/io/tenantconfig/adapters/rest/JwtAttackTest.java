package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens crafted to get past verification. Each must be refused with 401 (or, for a valid token
 * without a tenant, 403 on tenant endpoints), whatever it claims.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JwtAttackTest {

    static final ResourceExtension API = ApiFixture.withHs256().resources;

    private static int status(String token, String path) {
        return API.target(path)
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .get()
                .getStatus();
    }

    private static int verify(String token) {
        return status(token, "/api/v1/auth/verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void an_unsigned_token_is_refused_however_none_is_spelled(String alg) {
        assertThat(verify(Tokens.unsigned(Tokens.user("acme", "admin"), alg))).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../../../etc/passwd",
                "/dev/null",
                "' OR '1'='1",
                "1; DROP TABLE tenant_configs; --",
                "file:///etc/shadow",
                "http://attacker.example/key"
            })
    void a_kid_with_path_or_sql_characters_changes_nothing(String kid) {
        String signedWithTheRightKey = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .claims(Tokens.user("acme"))
                .signWith(Tokens.HMAC_KEY, Jwts.SIG.HS256)
                .compact();
        String signedWithAnotherKey = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .claims(Tokens.user("acme", "admin"))
                .signWith(
                        Keys.hmacShaKeyFor("attacker-controlled-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8)),
                        Jwts.SIG.HS256)
                .compact();

        assertThat(verify(signedWithTheRightKey))
                .as("the kid is ignored: the configured key decides")
                .isEqualTo(200);
        assertThat(verify(signedWithAnotherKey)).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused_beyond_the_clock_skew() {
        Map<String, Object> claims = Tokens.user("acme");
        claims.put("exp", ApiFixture.NOW.minus(Duration.ofSeconds(31)).getEpochSecond());
        Map<String, Object> withinSkew = Tokens.user("acme");
        withinSkew.put("exp", ApiFixture.NOW.minus(Duration.ofSeconds(20)).getEpochSecond());

        assertThat(verify(Tokens.hs256(claims))).isEqualTo(401);
        assertThat(verify(Tokens.hs256(withinSkew))).isEqualTo(200);
    }

    @Test
    void a_token_not_yet_valid_is_refused() {
        Map<String, Object> claims = Tokens.user("acme");
        claims.put("nbf", ApiFixture.NOW.plus(Duration.ofMinutes(5)).getEpochSecond());

        assertThat(verify(Tokens.hs256(claims))).isEqualTo(401);
    }

    @Test
    void a_token_without_a_tenant_reaches_no_tenant_endpoint() {
        String admin = Tokens.hs256(Tokens.admin());

        assertThat(status(admin, "/api/v1/tenant/config")).isEqualTo(403);
        assertThat(status(admin, "/api/v1/tenant/config/resolved")).isEqualTo(403);
        assertThat(status(admin, "/api/v1/tenant/config/history")).isEqualTo(403);
    }

    @Test
    void an_oversized_token_is_refused_without_being_parsed() {
        Map<String, Object> claims = Tokens.user("acme");
        claims.put("padding", "A".repeat(20_000));

        assertThat(verify(Tokens.hs256(claims))).isEqualTo(401);
    }

    @Test
    void a_token_signed_with_a_truncated_or_altered_signature_is_refused() {
        String token = Tokens.hs256(Tokens.user("acme"));
        String truncated = token.substring(0, token.length() - 2);
        String[] parts = token.split("\\.");
        String elevated = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("{\"user_id\":\"x\",\"tenant_id\":\"acme\",\"roles\":[\"admin\"],\"exp\":"
                                        + ApiFixture.NOW.plusSeconds(600).getEpochSecond() + "}")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(verify(truncated)).isEqualTo(401);
        assertThat(verify(elevated)).as("claims changed after signing").isEqualTo(401);
    }
}
