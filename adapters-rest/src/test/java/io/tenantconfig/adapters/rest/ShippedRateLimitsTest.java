package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits as they ship (the defaults, which config.yml repeats): an admin's burst of 120 and a
 * tenant's burst of 10 onboardings pass, the next request is 429. The clock stands still, so no
 * token comes back while the test runs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ShippedRateLimitsTest {

    private static final ApiFixture FIXTURE =
            new ApiFixture(Tokens.hs256Auth(), RateLimitPolicy.ADMIN_DEFAULT, RateLimitPolicy.ONBOARDING_DEFAULT);
    static final ResourceExtension API = FIXTURE.resources;

    @Test
    void the_shipped_defaults_are_bursts_of_120_admin_and_10_onboarding_requests_refilled_600_and_10_a_minute() {
        assertThat(RateLimitPolicy.ADMIN_DEFAULT).isEqualTo(new RateLimitPolicy(RateLimitPolicy.Kind.ADMIN, 120, 600));
        assertThat(RateLimitPolicy.ONBOARDING_DEFAULT)
                .isEqualTo(new RateLimitPolicy(RateLimitPolicy.Kind.ONBOARDING, 10, 10));
    }

    @Test
    void an_admin_makes_120_requests_at_once_and_the_121st_waits_a_second() {
        String admin = Tokens.hs256(Tokens.admin());
        for (int i = 0; i < 120; i++) {
            assertThat(get(admin).getStatus()).as("request " + (i + 1)).isEqualTo(200);
        }

        Response limited = get(admin);

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(limited.getHeaderString("RateLimit-Policy")).isEqualTo("\"admin\";q=600;w=60");
    }

    @Test
    void a_tenant_makes_10_onboarding_requests_at_once_and_the_11th_waits_6_seconds() {
        String tenant = Tokens.hs256(Tokens.user("burst-tenant"));
        for (int i = 0; i < 10; i++) {
            assertThat(onboard(tenant).getStatus()).as("request " + (i + 1)).isEqualTo(200);
        }

        Response limited = onboard(tenant);

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("6");
        assertThat(limited.readEntity(Map.class).get("detail").toString())
                .contains("at most 10 a minute (bursts of 10)");
    }

    private static Response get(String token) {
        return API.target("/api/v1/tenant/admin/configs/stats")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .get();
    }

    private static Response onboard(String token) {
        return API.target("/api/v1/tenant/onboard/whatsapp-client")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .post(Entity.entity(
                        "{\"code\":\"AQD-code\",\"waba_id\":\"1\",\"phone_number_id\":\"2\"}",
                        MediaType.APPLICATION_JSON));
    }
}
