package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tenantconfig.testing.MetaSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each number's capacity through two running instances on one database and a fake Graph API: read
 * by a health check, changed by Meta's capacity webhooks received by one instance, and answered by
 * both, in {@code GET /config/resolved} and {@code GET /lookup/phone-numbers/{id}}.
 */
class NumberCapacityEndToEndTest {

    private static final String PLATFORM_SECRET = SecretValues.secret("platform-app-secret-capacity-0123");
    private static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Meta's example account and number ids (its webhook references use them). */
    private static final String WABA = "102290129340398";

    private static final String NUMBER = "106540352242922";

    @TempDir
    static Path folder;

    private static DropwizardTestSupport<TenantConfigConfiguration> first;
    private static DropwizardTestSupport<TenantConfigConfiguration> second;

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());

    @BeforeAll
    static void twoInstances() throws Exception {
        GRAPH.start();
        Path dotenv = folder.resolve(".env");
        Files.writeString(dotenv, "FB_APP_SECRET=" + PLATFORM_SECRET + "\n");
        first = instance(dotenv);
        first.before();
        second = instance(dotenv);
        second.before();
    }

    private static DropwizardTestSupport<TenantConfigConfiguration> instance(Path dotenv) {
        return TestApps.support(
                DATABASE,
                ConfigOverride.config("meta.graphApiBaseUrl", GRAPH.baseUrl()),
                ConfigOverride.config("credentials.dotenvFile", dotenv.toString()));
    }

    @AfterAll
    static void stop() {
        second.after();
        first.after();
        GRAPH.stop();
    }

    @BeforeEach
    void acmeWithMetasExampleNumber() throws Exception {
        GRAPH.resetAll();
        new ApiClient(first).startAfresh(jdbi);
        // Meta's examples are sent again by several tests: a change seen before is a duplicate.
        jdbi.useHandle(h -> h.execute("TRUNCATE events, webhook_changes RESTART IDENTITY"));
        String token = SecretValues.secret("EAAGcapacityZD" + Long.toHexString(System.nanoTime()));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .withQueryParam("input_token", equalTo(token))
                .willReturn(okJson("{\"data\":{\"app_id\":\"1234567890\",\"type\":\"SYSTEM_USER\",\"is_valid\":true,"
                        + "\"expires_at\":0,\"scopes\":[\"whatsapp_business_management\","
                        + "\"whatsapp_business_messaging\"]}}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers"))
                .willReturn(okJson("{\"data\":[{\"id\":\"" + NUMBER + "\"}]}")));
        assertThat(new ApiClient(first)
                        .send(
                                "POST",
                                "/api/v1/tenant/config",
                                new ApiClient(first).token("acme"),
                                "{\"waba_id\":\"" + WABA + "\",\"phone_number_id\":\"" + NUMBER
                                        + "\",\"display_phone_number\":\"+1 555-078-3881\",\"access_token\":\""
                                        + token + "\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    private static JsonNode lookup(DropwizardTestSupport<TenantConfigConfiguration> instance) throws Exception {
        ApiClient api = new ApiClient(instance);
        return JSON.readTree(
                api.send("GET", "/api/v1/lookup/phone-numbers/" + NUMBER, api.token("platform", "service"), null)
                        .body());
    }

    private static JsonNode resolved(DropwizardTestSupport<TenantConfigConfiguration> instance) throws Exception {
        ApiClient api = new ApiClient(instance);
        HttpResponse<String> response = api.send(
                "GET", "/api/v1/tenant/config/resolved?phone_number_id=" + NUMBER, api.token("acme", "service"), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> signedToFirst(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + first.getLocalPort() + "/api/v1/webhooks/whatsapp"))
                        .header("X-Hub-Signature-256", sign(PLATFORM_SECRET, bytes))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Generous for a loaded machine; the announcement normally arrives within milliseconds. */
    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(condition);
    }

    private void checkNow() throws Exception {
        ApiClient api = new ApiClient(first);
        HttpResponse<String> checked = api.send("POST", "/api/v1/tenant/config/health/check", api.token("acme"), null);
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
    }

    @Test
    void a_number_never_checked_answers_metas_default_pace_and_nothing_else_on_both_instances() throws Exception {
        assertThat(lookup(second).get("capacity").toString())
                .isEqualTo("{\"messages_per_second\":80,\"quality_rating\":null,\"messaging_limit_tier\":null}");
        assertThat(resolved(first).get("capacity")).isEqualTo(lookup(second).get("capacity"));
    }

    // Meta's phone number with "throughput": {"level": "STANDARD"}
    // (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput) and the
    // portfolio's limit (https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits).
    @Test
    void a_health_check_reads_the_numbers_throughput_quality_and_limit_and_both_instances_answer_it() throws Exception {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + NUMBER))
                .willReturn(
                        okJson("{\"verified_name\":\"Jasper's Market\",\"display_phone_number\":\"+1 555-078-3881\","
                                + "\"id\":\"" + NUMBER + "\",\"quality_rating\":\"GREEN\",\"name_status\":\"APPROVED\","
                                + "\"status\":\"CONNECTED\",\"throughput\":{\"level\":\"STANDARD\"},"
                                + "\"whatsapp_business_manager_messaging_limit\":\"TIER_2K\"}")));

        checkNow();

        assertThat(resolved(first).get("capacity").toString())
                .isEqualTo(
                        "{\"messages_per_second\":80,\"quality_rating\":\"GREEN\",\"messaging_limit_tier\":\"TIER_2K\"}");
        eventually(() -> "TIER_2K"
                .equals(lookup(second)
                        .path("capacity")
                        .path("messaging_limit_tier")
                        .asText()));
        assertThat(resolved(second).get("capacity")).isEqualTo(resolved(first).get("capacity"));
    }

    /**
     * Meta's published payload example of phone_number_quality_update (a throughput upgrade; the
     * portfolio's limit in the older current_limit):
     * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
     */
    private static final String METAS_THROUGHPUT_UPGRADE = """
            {"entry":[{"id":"102290129340398","time":1748454394,
                       "changes":[{"value":{"display_phone_number":"15550783881","event":"THROUGHPUT_UPGRADE",
                                            "current_limit":"TIER_UNLIMITED"},
                                   "field":"phone_number_quality_update"}]}],
             "object":"whatsapp_business_account"}""";

    @Test
    void metas_throughput_upgrade_received_by_one_instance_paces_the_number_at_1000_on_the_other() throws Exception {
        assertThat(signedToFirst(METAS_THROUGHPUT_UPGRADE).statusCode()).isEqualTo(200);

        eventually(() ->
                lookup(second).path("capacity").path("messages_per_second").asInt() == 1_000);
        assertThat(lookup(second).get("capacity").get("messaging_limit_tier").asText())
                .isEqualTo("TIER_UNLIMITED");
        assertThat(resolved(first).get("capacity").get("messages_per_second").asInt())
                .as("at once where it was received")
                .isEqualTo(1_000);
    }

    /**
     * Meta's published payload example of business_capability_update (the portfolio's limit as a
     * number: 2000), for its account 524126980791429:
     * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/business_capability_update
     */
    private static final String METAS_CAPABILITY_UPDATE = """
            {"entry":[{"id":"524126980791429","time":1739321024,
                       "changes":[{"value":{"max_daily_conversations_per_business":2000,
                                            "max_phone_numbers_per_waba":25},
                                   "field":"business_capability_update"}]}],
             "object":"whatsapp_business_account"}""";

    @Test
    void metas_capability_update_received_by_one_instance_gives_the_portfolios_limit_on_the_other() throws Exception {
        ApiClient api = new ApiClient(first);
        assertThat(api.send(
                                "POST",
                                "/api/v1/tenant/config",
                                api.token("globex"),
                                "{\"waba_id\":\"524126980791429\",\"phone_number_id\":\"524126980791430\"}")
                        .statusCode())
                .isEqualTo(201);
        ApiClient other = new ApiClient(second);
        String service = other.token("platform", "service");

        assertThat(signedToFirst(METAS_CAPABILITY_UPDATE).statusCode()).isEqualTo(200);

        eventually(() -> JSON.readTree(other.send("GET", "/api/v1/lookup/phone-numbers/524126980791430", service, null)
                        .body())
                .path("capacity")
                .path("messaging_limit_tier")
                .asText()
                .equals("TIER_2K"));
        assertThat(JSON.readTree(other.send("GET", "/api/v1/lookup/wabas/524126980791429", service, null)
                                .body())
                        .get("capacity")
                        .toString())
                .isEqualTo("{\"messages_per_second\":80,\"quality_rating\":null,\"messaging_limit_tier\":\"TIER_2K\"}");
        assertThat(lookup(second).get("capacity").get("messaging_limit_tier").isNull())
                .as("another tenant's account: its numbers keep theirs")
                .isTrue();
    }

    @Test
    void a_whatsapp_business_apps_number_is_paced_at_20_a_second_after_metas_upgrade_too() throws Exception {
        jdbi.useHandle(h -> h.execute(
                "UPDATE tenant_phone_numbers SET coexistence = true WHERE phone_number_id = '" + NUMBER + "'"));

        assertThat(signedToFirst(METAS_THROUGHPUT_UPGRADE).statusCode()).isEqualTo(200);

        eventually(() -> "TIER_UNLIMITED"
                .equals(lookup(second)
                        .path("capacity")
                        .path("messaging_limit_tier")
                        .asText()));
        assertThat(lookup(second).get("coexistence").asBoolean()).isTrue();
        assertThat(lookup(second).get("capacity").get("messages_per_second").asInt())
                .isEqualTo(20);
        assertThat(resolved(first).get("capacity").get("messages_per_second").asInt())
                .isEqualTo(20);
    }
}
