package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.meta.MetaAdapters;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.testing.SecretValues;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health checks through the running service: the sweep against a fake Graph API, the platform's
 * failure report, a refresh, and the events delivered signed to a fake receiver that goes away
 * and comes back.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HealthEndToEndTest {

    private static final WireMockServer GRAPH =
            started(new WireMockServer(options().dynamicPort()));
    private static WireMockServer receiver =
            started(new WireMockServer(options().dynamicPort()));
    private static final int RECEIVER_PORT = receiver.port();
    private static final String EVENTS_SECRET = SecretValues.secret("events-signing-secret-0123456789abcdef");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(
            DATABASE,
            ConfigOverride.config("meta.graphApiBaseUrl", GRAPH.baseUrl()),
            ConfigOverride.config("health.sweepEnabled", "true"),
            ConfigOverride.config("health.pollEvery", "200ms"),
            // New tenants are first checked at a random moment within one interval.
            ConfigOverride.config("health.checkInterval", "2s"),
            ConfigOverride.config("health.graphCallsPerSecond", "50"),
            ConfigOverride.config("events.webhookUrl", "http://localhost:" + RECEIVER_PORT + "/events"),
            ConfigOverride.config("events.webhookSecret", EVENTS_SECRET),
            ConfigOverride.config("events.deliverEvery", "100ms"),
            ConfigOverride.config("events.firstBackoff", "100ms"),
            ConfigOverride.config("events.maxBackoff", "500ms"));

    private final ApiClient api = new ApiClient(APP);
    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());

    private static WireMockServer started(WireMockServer server) {
        server.start();
        return server;
    }

    @AfterAll
    static void stopFakes() {
        GRAPH.stop();
        receiver.stop();
    }

    @BeforeEach
    void freshStart() throws Exception {
        GRAPH.resetAll();
        receiver.resetAll();
        receiver.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(204)));
        GRAPH.stubFor(get(urlPathMatching("/v23.0/[0-9]+"))
                .willReturn(okJson(
                        "{\"status\":\"CONNECTED\",\"quality_rating\":\"GREEN\",\"name_status\":\"APPROVED\"}")));
        api.startAfresh(jdbi);
        jdbi.useHandle(h -> h.execute("TRUNCATE events"));
    }

    private static String token(String name) {
        return SecretValues.secret("EAAG" + name + "ZD" + Long.toHexString(System.nanoTime()));
    }

    private static void debugTokenSays(String token, String data) {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .withQueryParam("input_token", equalTo(token))
                .willReturn(okJson("{\"data\":" + data + "}")));
    }

    private static String valid(String type, long expiresAt) {
        return "{\"app_id\":\"1234567890\",\"type\":\"" + type + "\",\"is_valid\":true,\"expires_at\":" + expiresAt
                + ",\"scopes\":[\"whatsapp_business_management\",\"whatsapp_business_messaging\"]}";
    }

    private static final String EXPIRED =
            "{\"is_valid\":false,\"expires_at\":0,\"scopes\":[],\"error\":{\"code\":190,\"subcode\":463}}";

    private void tenantWith(String tenant, String waba, String number, String token) throws Exception {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + waba + "/phone_numbers"))
                .willReturn(okJson("{\"data\":[{\"id\":\"" + number + "\"}]}")));
        assertThat(api.send(
                                "POST",
                                "/api/v1/tenant/config",
                                api.token(tenant),
                                "{\"waba_id\":\"" + waba + "\",\"phone_number_id\":\"" + number
                                        + "\",\"access_token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    private JsonNode health(String tenant) throws Exception {
        return JSON.readTree(api.send("GET", "/api/v1/tenant/config/health", api.token(tenant), null)
                .body());
    }

    private static void eventually(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(condition);
    }

    /** The events the receiver got, each with a valid signature, by id. */
    private static Map<Long, List<JsonNode>> received() throws Exception {
        Map<Long, List<JsonNode>> byId = new HashMap<>();
        for (LoggedRequest request : receiver.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/events")))) {
            byte[] body = request.getBody();
            assertThat(request.getHeader(MetaAdapters.EVENT_SIGNATURE_HEADER))
                    .isEqualTo("sha256=" + MetaAdapters.eventSignature(body, Secret.of(EVENTS_SECRET)));
            for (JsonNode event :
                    JSON.readTree(new String(body, StandardCharsets.UTF_8)).get("events")) {
                byId.computeIfAbsent(event.get("id").asLong(), id -> new ArrayList<>())
                        .add(event);
            }
        }
        return byId;
    }

    @Test
    void a_tenant_whose_token_meta_reports_expired_is_invalid_after_one_sweep_and_the_platform_hears_of_it()
            throws Exception {
        String token = token("expired");
        debugTokenSays(token, EXPIRED);
        tenantWith("acme", "880101", "880102", token);

        eventually(() -> "INVALID".equals(health("acme").path("state").asText()));

        JsonNode health = health("acme");
        assertThat(health.path("reasons").get(0).path("code").asText()).isEqualTo("TOKEN_EXPIRED");
        assertThat(health.path("reasons").get(0).path("message").asText()).contains("Reconnect WhatsApp");
        assertThat(health.toString()).doesNotContain(token);
        eventually(() -> received().size() >= 2);
        assertThat(received().values())
                .extracting(events -> events.get(0).path("type").asText())
                .contains("reauthorization.required", "health.changed");
        assertThat(received()
                        .values()
                        .iterator()
                        .next()
                        .get(0)
                        .path("tenant_id")
                        .asText())
                .isEqualTo("acme");
    }

    @Test
    void a_tenant_with_an_account_but_no_number_is_told_to_add_one() throws Exception {
        String token = token("nonumber");
        debugTokenSays(token, valid("SYSTEM_USER", 0));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/880301/phone_numbers")).willReturn(okJson("{\"data\":[]}")));
        assertThat(api.send(
                                "POST",
                                "/api/v1/tenant/config",
                                api.token("acme"),
                                "{\"waba_id\":\"880301\",\"access_token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(201);

        eventually(() -> "NUMBER_PROBLEM".equals(health("acme").path("state").asText()));

        JsonNode health = health("acme");
        assertThat(health.path("reasons").findValuesAsText("code")).containsExactly("NO_PHONE_NUMBER");
        assertThat(health.path("reasons").get(0).path("message").asText())
                .contains("POST /api/v1/tenant/config/phone-numbers");
        JsonNode config = JSON.readTree(api.send("GET", "/api/v1/tenant/config", api.token("acme"), null)
                .body());
        assertThat(config.path("needs_phone_number").asBoolean()).isTrue();
    }

    @Test
    void a_reported_failure_gets_its_tenant_checked_within_seconds() throws Exception {
        String token = token("revoked");
        debugTokenSays(token, valid("SYSTEM_USER", 0));
        tenantWith("globex", "880201", "880202", token);
        eventually(() -> "HEALTHY".equals(health("globex").path("state").asText()));
        debugTokenSays(token, EXPIRED);

        HttpResponse<String> reported = api.send(
                "POST",
                "/api/v1/lookup/phone-numbers/880202/report-failure",
                api.token("platform", "service"),
                "{\"code\":190,\"error_subcode\":463}");

        assertThat(reported.statusCode()).isEqualTo(202);
        eventually(() -> "INVALID".equals(health("globex").path("state").asText()));
    }

    @Test
    void an_expiring_token_is_refreshed_and_the_tenant_stays_healthy() throws Exception {
        String token = token("expiring");
        String extended = token("extended");
        debugTokenSays(
                token, valid("USER", Instant.now().plus(Duration.ofDays(2)).getEpochSecond()));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo(token))
                .willReturn(okJson(
                        "{\"access_token\":\"" + extended + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));
        tenantWith("initech", "880301", "880302", token);

        eventually(() -> "HEALTHY".equals(health("initech").path("state").asText()));

        JsonNode full =
                JSON.readTree(api.send("GET", "/api/v1/tenant/config/full", api.token("initech", "service"), null)
                        .body());
        assertThat(full.path("access_token").asText()).isEqualTo(extended);
        assertThat(health("initech").path("token_expires_at").asText()).isNotEmpty();
        eventually(() -> received().values().stream()
                .anyMatch(events ->
                        "token.refreshed".equals(events.get(0).path("type").asText())));
    }

    @Test
    void a_business_token_about_to_expire_is_never_sent_to_fb_exchange_token_and_its_type_is_shown() throws Exception {
        String token = token("business");
        debugTokenSays(
                token,
                valid("SYSTEM_USER", Instant.now().plus(Duration.ofDays(2)).getEpochSecond()));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + token("never") + "\",\"expires_in\":5184000}")));
        tenantWith("umbrella", "880401", "880402", token);

        eventually(() -> "EXPIRING".equals(health("umbrella").path("state").asText()));

        GRAPH.verify(0, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token")));
        JsonNode full =
                JSON.readTree(api.send("GET", "/api/v1/tenant/config/full", api.token("umbrella", "service"), null)
                        .body());
        assertThat(full.path("access_token").asText()).isEqualTo(token);
        eventually(() -> "SYSTEM_USER"
                .equals(JSON.readTree(api.send("GET", "/api/v1/tenant/config", api.token("umbrella"), null)
                                .body())
                        .path("token_type")
                        .asText()));
    }

    @Test
    void events_produced_while_the_receiver_is_away_are_each_delivered_once_when_it_is_back() throws Exception {
        receiver.stop();
        for (int i = 0; i < 5; i++) {
            String token = token("away" + i);
            debugTokenSays(token, EXPIRED);
            tenantWith("away-" + i, "88040" + i, "88050" + i, token);
        }
        eventually(() -> jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM events WHERE attempts > 0")
                        .mapTo(Long.class)
                        .one())
                >= 5);

        receiver = started(new WireMockServer(options().port(RECEIVER_PORT)));
        receiver.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(204)));

        eventually(() -> received().size() == 10);
        Map<Long, List<JsonNode>> byId = received();
        assertThat(byId.values())
                .allSatisfy(deliveries -> assertThat(deliveries).hasSize(1));
        long pending = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM events WHERE status <> 'DELIVERED'")
                .mapTo(Long.class)
                .one());
        assertThat(pending).isZero();
    }
}
