package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admin endpoints per token subject, onboarding per tenant: 429 with Retry-After past the limit. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitTest {

    private static final ApiFixture FIXTURE = new ApiFixture(
            Tokens.hs256Auth(),
            new RateLimitPolicy(RateLimitPolicy.Kind.ADMIN, 3, 60),
            new RateLimitPolicy(RateLimitPolicy.Kind.ONBOARDING, 2, 10),
            new RateLimitPolicy(RateLimitPolicy.Kind.HEALTH_CHECK, 2, 6),
            new RateLimitPolicy(RateLimitPolicy.Kind.WEBHOOK, 2, 60));
    static final ResourceExtension API = FIXTURE.resources;

    private static Response stats(String subject) {
        Map<String, Object> claims = Tokens.admin();
        claims.put("user_id", subject);
        return API.target("/api/v1/tenant/admin/configs/stats")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(claims))
                .get();
    }

    /** Each tenant signs up its own account and number: they belong to one tenant each. */
    private static Response onboard(String tenant, String user) {
        Map<String, Object> claims = Tokens.user(tenant);
        claims.put("user_id", user);
        return API.target("/api/v1/tenant/onboard/whatsapp-client")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(claims))
                .post(Entity.entity(
                        "{\"code\":\"c\",\"waba_id\":\"" + TestConfigs.wabaIdOf(tenant) + "\",\"phone_number_id\":\""
                                + TestConfigs.phoneNumberIdOf(tenant) + "\"}",
                        MediaType.APPLICATION_JSON));
    }

    @Test
    void an_admin_past_the_burst_gets_429_with_retry_after_and_the_ratelimit_headers() {
        for (int i = 0; i < 3; i++) {
            Response ok = stats("admin-one");
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getHeaderString("RateLimit-Policy")).isEqualTo("\"admin\";q=60;w=60");
            assertThat(ok.getHeaderString("RateLimit")).isEqualTo("\"admin\";r=" + (2 - i));
        }

        Response limited = stats("admin-one");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(limited.getHeaderString("RateLimit-Policy")).isEqualTo("\"admin\";q=60;w=60");
        assertThat(limited.getHeaderString("RateLimit")).isEqualTo("\"admin\";r=0;t=1");
        assertThat(limited.readEntity(Map.class).get("detail"))
                .isEqualTo("Too many admin requests: at most 60 a minute (bursts of 3). Try again in 1 second.");
    }

    @Test
    void one_admins_use_never_limits_another() {
        for (int i = 0; i < 5; i++) {
            stats("busy-admin");
        }

        assertThat(stats("quiet-admin").getStatus()).isEqualTo(200);
    }

    @Test
    void onboarding_is_limited_per_tenant_whoever_of_it_calls() {
        assertThat(onboard("tenant-a", "alice").getStatus()).isEqualTo(200);
        assertThat(onboard("tenant-a", "bob").getStatus()).isEqualTo(200);

        Response limited = onboard("tenant-a", "carol");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("6");
        assertThat(onboard("tenant-b", "dave").getStatus())
                .as("another tenant is not limited")
                .isEqualTo(200);
    }

    @Test
    void codes_sent_to_a_number_are_limited_per_tenant_as_onboarding_is() {
        FIXTURE.insert(TestConfigs.aConfig("texter").build());
        String path = "/api/v1/tenant/config/phone-numbers/" + TestConfigs.phoneNumberIdOf("texter") + "/request-code";
        Invocation.Builder request = API.target(path)
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("texter")));
        Entity<String> sms =
                Entity.entity("{\"code_method\":\"SMS\",\"language\":\"en_US\"}", MediaType.APPLICATION_JSON);

        assertThat(request.post(sms).getStatus()).isEqualTo(200);
        assertThat(request.post(sms).getStatus()).isEqualTo(200);
        Response limited = request.post(sms);

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    void tenant_config_endpoints_are_not_limited() {
        FIXTURE.insert(TestConfigs.aConfig("busy").build());
        for (int i = 0; i < 20; i++) {
            assertThat(API.target("/api/v1/tenant/config")
                            .request()
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("busy")))
                            .get()
                            .getStatus())
                    .isEqualTo(200);
        }
    }

    @Test
    void checking_health_on_demand_is_limited_per_tenant() {
        FIXTURE.insert(TestConfigs.aConfig("tenant-h").build());
        FIXTURE.insert(TestConfigs.aConfig("tenant-i").build());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(healthCheck("tenant-h").getStatus());
        }

        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(healthCheck("tenant-i").getStatus())
                .as("another tenant is not limited")
                .isEqualTo(200);
    }

    private static Response healthCheck(String tenant) {
        return API.target("/api/v1/tenant/config/health/check")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user(tenant)))
                .post(null);
    }

    @Test
    void metas_webhooks_are_limited_per_source_address_before_the_body_is_read() {
        byte[] body = WebhooksResourceTest.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature =
                io.tenantconfig.testing.MetaSignatures.sign(SecretValues.secret("platform-app-secret-8888"), body);
        int[] statuses = new int[3];
        for (int i = 0; i < 3; i++) {
            statuses[i] = API.target("/api/v1/webhooks/whatsapp")
                    .request()
                    .header("X-Hub-Signature-256", i < 2 ? signature : "unsigned")
                    .post(Entity.entity(body, MediaType.APPLICATION_JSON))
                    .getStatus();
        }
        assertThat(statuses)
                .as("the third is refused before its signature is looked at")
                .containsExactly(200, 200, 429);
    }
}
