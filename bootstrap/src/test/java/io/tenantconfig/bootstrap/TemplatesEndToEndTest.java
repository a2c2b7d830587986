package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Template catalogues end to end: two instances of the service on one PostgreSQL and a fake Graph
 * API answering {@code GET /{waba_id}/message_templates} over three pages, shaped as Meta's
 * reference's sample response
 * (https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/).
 * A sync on demand through A reads every page; B lists and looks up from what A stored; Meta's
 * {@code message_template_status_update} (shaped as Meta's webhook reference shows it) posted to A
 * changes B's lookup within a second; Meta down keeps the catalogue and says so. The sweep is off,
 * so that only what the test does reads Meta.
 */
class TemplatesEndToEndTest {

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PLATFORM_SECRET = SecretValues.secret("platform-app-secret-templates-0123");
    private static final String TEMPLATES = "/api/v1/tenant/config/templates";
    private static final String WABA = "102290129340398";
    private static final String NUMBER = "106540352242922";
    private static final String META_TEMPLATES = "/v23.0/" + WABA + "/message_templates";
    private static final String TOKEN = SecretValues.secret("EAAG-acme-templates-token-0001");

    @TempDir
    static Path folder;

    private static DropwizardTestSupport<TenantConfigConfiguration> a;
    private static DropwizardTestSupport<TenantConfigConfiguration> b;
    private static WireMockServer graph;

    @BeforeAll
    static void twoInstancesAndATenantWithAnAccount() throws Exception {
        graph = new WireMockServer(options().dynamicPort());
        graph.start();
        Path dotenv = folder.resolve(".env");
        Files.writeString(dotenv, "FB_APP_SECRET=" + PLATFORM_SECRET + "\n");
        a = instance(dotenv);
        a.before();
        b = instance(dotenv);
        b.before();
        HttpResponse<String> created = new ApiClient(a)
                .send(
                        "POST",
                        "/api/v1/tenant/config",
                        token("service"),
                        "{\"waba_id\":\"" + WABA + "\",\"phone_number_id\":\"" + NUMBER + "\",\"access_token\":\""
                                + TOKEN + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        metaHasThreePages();
    }

    private static DropwizardTestSupport<TenantConfigConfiguration> instance(Path dotenv) {
        return TestApps.support(
                DATABASE,
                ConfigOverride.config("credentials.dotenvFile", dotenv.toString()),
                ConfigOverride.config("meta.graphApiBaseUrl", graph.baseUrl()),
                ConfigOverride.config("templates.sweepEnabled", "false"),
                ConfigOverride.config("rateLimits.healthCheckBurst", "100"));
    }

    @AfterAll
    static void stop() {
        b.after();
        a.after();
        graph.stop();
    }

    private static String token(String... roles) {
        return new ApiClient(a).token("acme", roles);
    }

    private static void metaHasThreePages() {
        graph.stubFor(get(urlPathEqualTo(META_TEMPLATES))
                .withQueryParam("after", absent())
                .willReturn(okJson(page(0, 100, "QVFIUmFnZA1", true))));
        graph.stubFor(get(urlPathEqualTo(META_TEMPLATES))
                .withQueryParam("after", equalTo("QVFIUmFnZA1"))
                .willReturn(okJson(page(100, 100, "QVFIUmFnZA2", true))));
        graph.stubFor(get(urlPathEqualTo(META_TEMPLATES))
                .withQueryParam("after", equalTo("QVFIUmFnZA2"))
                .willReturn(okJson(page(200, 37, "QVFIUmFnZA3", false))));
    }

    /** A page of Meta's answer: approved utility templates with a location header, a body of 2 and a button. */
    private static String page(int first, int count, String after, boolean more) {
        String data = IntStream.range(first, first + count)
                .mapToObj(
                        i -> "{\"name\": \"order_update_" + i + "\", \"language\": \"en_US\", \"status\": \"APPROVED\","
                                + " \"category\": \"UTILITY\", \"id\": \"" + (1_667_192_013_000_000L + i) + "\","
                                + " \"components\": [{\"type\": \"HEADER\", \"format\": \"LOCATION\"},"
                                + " {\"type\": \"BODY\", \"text\": \"Good news {{1}}! Your order #{{2}} is on its way.\"},"
                                + " {\"type\": \"BUTTONS\", \"buttons\": [{\"type\": \"QUICK_REPLY\", \"text\": \"Stop\"}]}]}")
                .collect(Collectors.joining(",", "[", "]"));
        String next = more
                ? ", \"next\": \"https://graph.facebook.com/v23.0/" + WABA + "/message_templates?after=" + after + "\""
                : "";
        return "{\"data\": " + data + ", \"paging\": {\"cursors\": {\"before\": \"MAZDZD\", \"after\": \"" + after
                + "\"}" + next + "}}";
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> lookupOnB(String name) throws Exception {
        return new ApiClient(b)
                .send(
                        "GET",
                        "/api/v1/lookup/templates?phone_number_id=" + NUMBER + "&name=" + name + "&language=en_US",
                        new ApiClient(a).token(null, "service"),
                        null);
    }

    private static HttpResponse<String> signedWebhookToA(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + a.getLocalPort() + "/api/v1/webhooks/whatsapp"))
                        .header("X-Hub-Signature-256", sign(PLATFORM_SECRET, bytes))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void
            a_sync_reads_all_three_pages_and_a_paused_webhook_on_one_instance_changes_the_lookup_on_the_other_within_a_second()
                    throws Exception {
        HttpResponse<String> synced = new ApiClient(a).send("POST", TEMPLATES + "/sync", token(), "");
        assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
        assertThat(json(synced).at("/catalogues/0/last_attempt_failed").asBoolean())
                .isFalse();

        int listed = 0;
        String after = null;
        do {
            HttpResponse<String> page = new ApiClient(b)
                    .send("GET", TEMPLATES + "?limit=100" + (after == null ? "" : "&after=" + after), token(), null);
            assertThat(page.statusCode()).isEqualTo(200);
            listed += json(page).get("returned").asInt();
            after = json(page).get("next").isNull()
                    ? null
                    : json(page).get("next").asText();
        } while (after != null);
        assertThat(listed).as("every template of Meta's three pages").isEqualTo(237);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(lookupOnB("order_update_236").statusCode()).isEqualTo(200));
        JsonNode before = json(lookupOnB("order_update_7"));
        assertThat(before.get("status").asText()).isEqualTo("APPROVED");
        assertThat(before.get("components"))
                .extracting(c -> c.get("parameters").asInt())
                .containsExactly(1, 2, 0);

        HttpResponse<String> received = signedWebhookToA("""
                {"object": "whatsapp_business_account", "entry": [{"id": "%s", "time": 1739321024, "changes": [{
                  "field": "message_template_status_update",
                  "value": {"event": "PAUSED", "message_template_id": 1667192013000007,
                            "message_template_name": "order_update_7", "message_template_language": "en_US",
                            "reason": "NONE", "message_template_category": "UTILITY",
                            "other_info": {"title": "FIRST_PAUSE",
                                           "description": "Your WhatsApp message template has been paused."}}}]}]}
                """.formatted(WABA));
        long answered = System.nanoTime();
        assertThat(received.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(
                                json(lookupOnB("order_update_7")).get("status").asText())
                        .isEqualTo("PAUSED"));
        assertThat(Duration.ofNanos(System.nanoTime() - answered)).isLessThan(Duration.ofSeconds(1));
        assertThat(json(lookupOnB("order_update_7")).get("sendable").asBoolean())
                .isFalse();
        Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
        long events = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM events WHERE type = 'template.changed'")
                .mapTo(Long.class)
                .one());
        assertThat(events).isEqualTo(1);
    }

    @Test
    void meta_down_during_a_sync_keeps_the_catalogue_and_the_answer_says_when_it_was_last_read() throws Exception {
        new ApiClient(a).send("POST", TEMPLATES + "/sync", token(), "");
        graph.stubFor(get(urlPathEqualTo(META_TEMPLATES)).willReturn(aResponse().withStatus(503)));
        try {
            HttpResponse<String> failed = new ApiClient(a).send("POST", TEMPLATES + "/sync", token(), "");

            JsonNode read = json(failed).at("/catalogues/0");
            assertThat(failed.statusCode()).isEqualTo(200);
            assertThat(read.get("last_attempt_failed").asBoolean()).isTrue();
            assertThat(read.get("synced_at").isNull()).isFalse();
            assertThat(read.get("last_failure").asText()).contains("503").doesNotContain(TOKEN);
            assertThat(json(new ApiClient(b).send("GET", TEMPLATES + "?limit=1", token(), null))
                            .get("returned")
                            .asInt())
                    .isEqualTo(1);
        } finally {
            graph.resetAll();
            metaHasThreePages();
        }
    }

    @Test
    void a_tenants_templates_answer_names_no_token() throws Exception {
        new ApiClient(a).send("POST", TEMPLATES + "/sync", token(), "");

        for (String path : List.of(TEMPLATES, TEMPLATES + "/order_update_1/en_US")) {
            assertThat(new ApiClient(b).send("GET", path, token(), null).body()).doesNotContain(TOKEN);
        }
    }
}
