package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The claims are read the way the existing issuer writes them. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static Response verify(String token) {
        return API.target("/api/v1/auth/verify")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verified(Map<String, Object> claims) {
        Response response = verify(Tokens.hs256(claims));
        assertThat(response.getStatus()).isEqualTo(200);
        return response.readEntity(Map.class);
    }

    private static Map<String, Object> claims(Object... pairs) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("exp", ApiFixture.NOW.plus(Duration.ofHours(1)).getEpochSecond());
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put((String) pairs[i], pairs[i + 1]);
        }
        return claims;
    }

    @Test
    void verify_tells_who_the_token_names() {
        assertThat(verified(claims(
                        "user_id",
                        "u-1",
                        "tenant_id",
                        "acme",
                        "email",
                        "ann@acme.example",
                        "modules",
                        List.of("whatsapp", "crm"),
                        "roles",
                        List.of("admin"))))
                .containsEntry("valid", true)
                .containsEntry("user_id", "u-1")
                .containsEntry("tenant_id", "acme")
                .containsEntry("email", "ann@acme.example")
                .containsEntry("modules", List.of("whatsapp", "crm"))
                .containsEntry("roles", List.of("admin"));
    }

    @Test
    void the_tenant_may_be_named_tenant_or_tenantId_or_be_an_object_or_a_number() {
        assertThat(verified(claims("sub", "u", "tenant", "acme"))).containsEntry("tenant_id", "acme");
        assertThat(verified(claims("sub", "u", "tenantId", "acme"))).containsEntry("tenant_id", "acme");
        assertThat(verified(claims("sub", "u", "tenant", Map.of("id", "acme", "name", "Acme"))))
                .containsEntry("tenant_id", "acme");
        assertThat(verified(claims("sub", "u", "tenant_id", 42))).containsEntry("tenant_id", "42");
    }

    @Test
    void the_user_may_be_user_id_sub_or_id_and_a_single_role_a_string() {
        assertThat(verified(claims("sub", "from-sub", "tenant_id", "t"))).containsEntry("user_id", "from-sub");
        assertThat(verified(claims("id", 7, "tenant_id", "t"))).containsEntry("user_id", "7");
        assertThat(verified(claims("user_id", "u", "role", "admin"))).containsEntry("roles", List.of("admin"));
    }

    @Test
    void a_token_naming_no_user_is_refused() {
        assertThat(verify(Tokens.hs256(claims("tenant_id", "acme"))).getStatus())
                .isEqualTo(401);
    }

    @Test
    void a_token_naming_a_user_longer_than_the_service_can_record_is_refused() {
        assertThat(verify(Tokens.hs256(claims("sub", "u".repeat(256), "tenant_id", "acme")))
                        .getStatus())
                .isEqualTo(401);
        assertThat(verify(Tokens.hs256(claims("sub", "u".repeat(255), "tenant_id", "acme")))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void a_token_with_an_unusable_tenant_id_is_refused() {
        assertThat(verify(Tokens.hs256(claims("sub", "u", "tenant_id", "t".repeat(101))))
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void an_oversized_token_is_refused_before_it_is_parsed() {
        assertThat(verify(Tokens.hs256(claims("sub", "u", "padding", "x".repeat(9000))))
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void a_token_in_the_query_string_is_not_accepted() {
        String token = Tokens.hs256(claims("sub", "u", "tenant_id", "acme"));

        assertThat(API.target("/api/v1/auth/verify")
                        .queryParam("access_token", token)
                        .request()
                        .get()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void a_token_that_is_not_yet_valid_is_refused() {
        Map<String, Object> claims = claims("sub", "u", "tenant_id", "acme");
        claims.put("nbf", ApiFixture.NOW.plus(Duration.ofMinutes(10)).getEpochSecond());

        assertThat(verify(Tokens.hs256(claims)).getStatus()).isEqualTo(401);
    }
}
