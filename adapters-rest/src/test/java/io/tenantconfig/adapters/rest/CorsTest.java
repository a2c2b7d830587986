package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class CorsTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static Response preflight(String origin) {
        return API.target("/api/v1/tenant/config")
                .request()
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options();
    }

    @Test
    void the_frontend_origin_gets_its_preflight_answered_with_the_methods_and_headers_it_uses() {
        Response response = preflight(ApiFixture.FRONTEND);

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo(ApiFixture.FRONTEND);
        assertThat(response.getHeaderString("Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "DELETE");
        assertThat(response.getHeaderString("Access-Control-Allow-Headers"))
                .contains("Authorization", "Content-Type", "If-Match", "X-Request-Id");
    }

    @Test
    void the_frontend_can_read_the_etag_of_an_answer() {
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response = API.target("/api/v1/tenant/config")
                .request()
                .header("Origin", ApiFixture.FRONTEND)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo(ApiFixture.FRONTEND);
        assertThat(response.getHeaderString("Access-Control-Expose-Headers").split(",\\s*"))
                .contains("ETag", "Retry-After", "X-Request-Id", "RateLimit", "RateLimit-Policy");
    }

    @Test
    void any_other_origin_gets_no_cors_headers() {
        Response preflight = preflight("https://evil.example");
        Response request = API.target("/api/v1/auth/verify")
                .request()
                .header("Origin", "https://evil.example")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .get();

        assertThat(preflight.getHeaderString("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.getHeaderString("Access-Control-Allow-Methods")).isNull();
        assertThat(request.getHeaderString("Access-Control-Allow-Origin")).isNull();
        assertThat(request.getHeaderString("Access-Control-Expose-Headers")).isNull();
    }
}
