package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tenantconfig.testing.MetaSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Meta's webhooks through the running service on a real PostgreSQL: the handshake on a tenant's
 * URL, a signed batch routed per tenant and delivered to the platform once per change (also
 * when the platform's receiver was away), a forgery refused, an uninstalled app taking its
 * tenant out of service, and onboarding pointing Meta at the tenant's URL.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhooksEndToEndTest {

    private static final String PLATFORM_SECRET = SecretValues.secret("platform-app-secret-webhooks-0123");
    private static final String BASE_URL = "https://config.example.com";
    private static final WireMockServer GRAPH =
            started(new WireMockServer(options().dynamicPort()));
    private static WireMockServer receiver =
            started(new WireMockServer(options().dynamicPort()));
    private static final int RECEIVER_PORT = receiver.port();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final Path DOTENV = dotenv();

    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(
            DATABASE,
            ConfigOverride.config("meta.graphApiBaseUrl", GRAPH.baseUrl()),
            ConfigOverride.config("credentials.dotenvFile", DOTENV.toString()),
            ConfigOverride.config("events.webhookUrl", "http://localhost:" + RECEIVER_PORT + "/events"),
            ConfigOverride.config(
                    "events.webhookSecret", SecretValues.secret("events-signing-secret-webhooks-0123456789abcdef")),
            ConfigOverride.config("events.deliverEvery", "100ms"),
            ConfigOverride.config("events.firstBackoff", "100ms"),
            ConfigOverride.config("events.maxBackoff", "500ms"));

    private final ApiClient api = new ApiClient(APP);
    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final HttpClient http = HttpClient.newHttpClient();

    private static WireMockServer started(WireMockServer server) {
        server.start();
        return server;
    }

    private static Path dotenv() {
        try {
            Path file = Files.createTempFile("webhooks", ".env");
            Files.writeString(
                    file,
                    "FB_APP_SECRET=" + PLATFORM_SECRET + "\nWEBHOOK_VERIFY_TOKEN=platform-verify\n" + "PUBLIC_BASE_URL="
                            + BASE_URL + "\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopFakes() {
        GRAPH.stop();
        receiver.stop();
    }

    @BeforeEach
    void freshStart() throws Exception {
        receiver.resetAll();
        receiver.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(204)));
        GRAPH.resetAll();
        api.startAfresh(jdbi);
        jdbi.useHandle(h -> h.execute("TRUNCATE events, webhook_changes RESTART IDENTITY"));
    }

    private void tenant(String tenant, String waba, String number) throws Exception {
        assertThat(api.send(
                                "POST",
                                "/api/v1/tenant/config",
                                api.token(tenant),
                                "{\"waba_id\":\"" + waba + "\",\"phone_number_id\":\"" + number
                                        + "\",\"verify_token\":\"verify-" + tenant + "\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    private JsonNode webhookOf(String tenant) throws Exception {
        return JSON.readTree(api.send("GET", "/api/v1/tenant/config/webhook", api.token(tenant), null)
                .body());
    }

    /** The path of the tenant's callback URL, on this test's server. */
    private String pathOf(String tenant) throws Exception {
        return URI.create(webhookOf(tenant).get("callback_url").asText()).getPath();
    }

    private HttpResponse<String> call(String method, String pathAndQuery, byte[] body, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + APP.getLocalPort() + pathAndQuery))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedPost(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return call("POST", path, bytes, sign(PLATFORM_SECRET, bytes));
    }

    private static String message(String waba, String number, String id) {
        return "{\"id\":\"" + waba + "\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":"
                + "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550100000\",\"phone_number_id\":\""
                + number + "\"},\"messages\":[{\"from\":\"5511999999999\",\"id\":\"" + id
                + "\",\"timestamp\":\"1764547200\",\"type\":\"text\",\"text\":{\"body\":\"hi " + id + "\"}}]}}]}";
    }

    private static String payload(String... entries) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    /** The events the platform's receiver got, by id. */
    private static Map<Long, List<JsonNode>> delivered() throws Exception {
        Map<Long, List<JsonNode>> byId = new HashMap<>();
        for (LoggedRequest request : receiver.findAll(postRequestedFor(urlPathEqualTo("/events")))) {
            for (JsonNode event : JSON.readTree(new String(request.getBody(), StandardCharsets.UTF_8))
                    .get("events")) {
                byId.computeIfAbsent(event.get("id").asLong(), id -> new ArrayList<>())
                        .add(event);
            }
        }
        return byId;
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(condition);
    }

    @Test
    void metas_dashboard_can_verify_a_tenants_callback_url() throws Exception {
        tenant("acme", "700100", "700101");
        JsonNode webhook = webhookOf("acme");
        assertThat(webhook.get("callback_url").asText()).startsWith(BASE_URL + "/api/v1/webhooks/whatsapp/");
        assertThat(webhook.get("verify_token").asText()).isEqualTo("verify-acme");

        HttpResponse<String> ok = call(
                "GET",
                pathOf("acme") + "?hub.mode=subscribe&hub.verify_token=verify-acme&hub.challenge=1158201444",
                null,
                null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(call("GET", pathOf("acme") + "?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1", null, null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_signed_batch_lands_routed_per_tenant_once_and_reaches_the_platform_once_per_change() throws Exception {
        tenant("acme", "700100", "700101");
        tenant("globex", "700200", "700201");
        String body = payload(message("700100", "700101", "wamid.A1"), message("700200", "700201", "wamid.G1"));

        HttpResponse<String> first = signedPost("/api/v1/webhooks/whatsapp", body);
        HttpResponse<String> again = signedPost("/api/v1/webhooks/whatsapp", body);

        assertThat(JSON.readTree(first.body()).get("received").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(again.body()).get("duplicates").asInt()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM webhook_changes WHERE tenant_id = 'acme'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM webhook_changes WHERE tenant_id = 'globex'"))
                .isEqualTo(1);
        eventually(() -> delivered().size() == 2);
        List<JsonNode> events =
                delivered().values().stream().map(list -> list.get(0)).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).containsOnly("whatsapp.change");
        assertThat(events).extracting(e -> e.get("tenant_id").asText()).containsExactlyInAnyOrder("acme", "globex");
        JsonNode acme = events.stream()
                .filter(e -> e.get("tenant_id").asText().equals("acme"))
                .findFirst()
                .orElseThrow();
        assertThat(acme.get("data").get("phone_number_id").asText()).isEqualTo("700101");
        assertThat(acme.get("data").get("waba_id").asText()).isEqualTo("700100");
        assertThat(acme.get("data").get("field").asText()).isEqualTo("messages");
        assertThat(acme.get("data").get("value"))
                .as("Meta's value, unchanged")
                .isEqualTo(JSON.readTree(message("700100", "700101", "wamid.A1"))
                        .get("changes")
                        .get(0)
                        .get("value"));
        assertThat(JSON.readTree(api.send("GET", "/api/v1/tenant/config/webhook", api.token("acme"), null)
                                .body())
                        .get("last_received_at")
                        .isNull())
                .isFalse();
    }

    /** Meta's published example of the smb_app_state_sync webhook (a WhatsApp Business app's contact, coexistence). */
    private static final String METAS_STATE_SYNC = """
            {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
              "value": {"messaging_product": "whatsapp",
                        "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                        "state_sync": [{"type": "contact",
                                        "contact": {"full_name": "Pablo Morales", "first_name": "Pablo",
                                                    "phone_number": "16505551234"},
                                        "action": "add", "metadata": {"timestamp": "1739321024"}}]},
              "field": "smb_app_state_sync"}]}]}""";

    @Test
    void a_whatsapp_business_apps_contact_sync_is_routed_to_its_tenant_and_delivered_like_a_message() throws Exception {
        tenant("acme", "102290129340398", "106540352242922");

        HttpResponse<String> received = signedPost("/api/v1/webhooks/whatsapp", METAS_STATE_SYNC);

        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(received.body()).get("unroutable").asInt()).isZero();
        eventually(() -> delivered().size() == 1);
        JsonNode event = delivered().values().iterator().next().get(0);
        assertThat(event.get("type").asText()).isEqualTo("whatsapp.change");
        assertThat(event.get("tenant_id").asText()).isEqualTo("acme");
        assertThat(event.get("data").get("field").asText()).isEqualTo("smb_app_state_sync");
        assertThat(event.get("data").get("phone_number_id").asText()).isEqualTo("106540352242922");
        assertThat(event.get("data")
                        .get("value")
                        .get("state_sync")
                        .get(0)
                        .get("contact")
                        .get("full_name")
                        .asText())
                .isEqualTo("Pablo Morales");
    }

    /** Meta's history webhook, as its reference shows it: a chunk of a WhatsApp Business app's past messages. */
    private static final String METAS_HISTORY = """
            {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
              "value": {"messaging_product": "whatsapp",
                        "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                        "history": [{"metadata": {"phase": 0, "chunk_order": 1, "progress": 55},
                                     "threads": [{"id": "16505551234", "messages": [{
                                        "from": "16505551234", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgA",
                                        "timestamp": "1739230955", "type": "text",
                                        "text": {"body": "Is the store open on Sunday?"},
                                        "history_context": {"status": "READ"}}]}]}]},
              "field": "history"}]}]}""";

    /** Meta's smb_message_echoes webhook, as its reference shows it: a message the business sent from the app. */
    private static final String METAS_MESSAGE_ECHO = """
            {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
              "value": {"messaging_product": "whatsapp",
                        "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                        "message_echoes": [{"from": "15550783881", "to": "16505551234",
                                            "id": "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1QjJGRjI1RDY0RkE4Nzg4QzcA",
                                            "timestamp": "1739321024", "type": "text",
                                            "text": {"body": "Yes, from 10 to 4."}}]},
              "field": "smb_message_echoes"}]}]}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"history, history", "smb_message_echoes, message_echoes"})
    void a_whatsapp_business_apps_history_and_message_echoes_are_routed_to_its_tenant_and_delivered(
            String field, String array) throws Exception {
        tenant("acme", "102290129340398", "106540352242922");
        String body = "history".equals(field) ? METAS_HISTORY : METAS_MESSAGE_ECHO;

        HttpResponse<String> received = signedPost("/api/v1/webhooks/whatsapp", body);

        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(received.body()).get("unroutable").asInt()).isZero();
        eventually(() -> delivered().size() == 1);
        JsonNode event = delivered().values().iterator().next().get(0);
        assertThat(event.get("type").asText()).isEqualTo("whatsapp.change");
        assertThat(event.get("tenant_id").asText()).isEqualTo("acme");
        assertThat(event.get("data").get("field").asText()).isEqualTo(field);
        assertThat(event.get("data").get("phone_number_id").asText()).isEqualTo("106540352242922");
        assertThat(event.get("data").get("value").get(array).isArray()).isTrue();
    }

    @Test
    void a_signed_change_whose_field_holds_a_nul_is_answered_200_and_kept_as_rejected_so_meta_stops_retrying()
            throws Exception {
        tenant("acme", "700100", "700101");
        String body = payload(message("700100", "700101", "wamid.N")
                .replace("\"field\":\"messages\"", "\"field\":\"mess\\u0000ages\""));

        HttpResponse<String> answer = signedPost("/api/v1/webhooks/whatsapp", body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("unroutable").asInt()).isEqualTo(1);
        String kept = jdbi.withHandle(h -> h.createQuery(
                        "SELECT field || ' / ' || unroutable_reason FROM webhook_changes WHERE tenant_id IS NULL")
                .mapTo(String.class)
                .one());
        assertThat(kept).isEqualTo("mess\\u0000ages / rejected: its field holds control characters (shown escaped)");
        assertThat(count("SELECT count(*) FROM events")).isZero();
    }

    @Test
    void a_change_nobody_owned_reaches_the_tenant_that_adds_its_number_later_once() throws Exception {
        tenant("acme", "700100", "700101");
        assertThat(JSON.readTree(
                                signedPost("/api/v1/webhooks/whatsapp", payload(message("700999", "700102", "wamid.L")))
                                        .body())
                        .get("unroutable")
                        .asInt())
                .isEqualTo(1);

        assertThat(api.send(
                                "POST",
                                "/api/v1/tenant/config/phone-numbers",
                                api.token("acme"),
                                "{\"phone_number_id\":\"700102\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.send("PUT", "/api/v1/tenant/config", api.token("acme"), "{\"verify_token\":\"again\"}")
                        .statusCode())
                .isEqualTo(200);

        eventually(() -> delivered().values().stream()
                .anyMatch(events ->
                        events.get(0).at("/data/value/messages/0/id").asText().equals("wamid.L")));
        Thread.sleep(500);
        assertThat(delivered().values())
                .filteredOn(events ->
                        events.get(0).at("/data/value/messages/0/id").asText().equals("wamid.L"))
                .singleElement()
                .satisfies(events -> {
                    assertThat(events).as("delivered once").hasSize(1);
                    assertThat(events.get(0).get("tenant_id").asText()).isEqualTo("acme");
                    assertThat(events.get(0).at("/data/phone_number_id").asText())
                            .isEqualTo("700102");
                });
        assertThat(count("SELECT count(*) FROM webhook_changes WHERE tenant_id IS NULL"))
                .isZero();
    }

    @Test
    void a_forged_body_is_refused_and_leaves_nothing_behind() throws Exception {
        tenant("acme", "700100", "700101");
        byte[] body = payload(message("700100", "700101", "wamid.F")).getBytes(StandardCharsets.UTF_8);

        assertThat(call("POST", "/api/v1/webhooks/whatsapp", body, sign("guessed-secret", body))
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("POST", pathOf("acme"), body, null).statusCode()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM webhook_changes")).isZero();
        assertThat(count("SELECT count(*) FROM events")).isZero();
    }

    @Test
    void changes_taken_while_the_platforms_receiver_is_away_each_reach_it_once_when_it_is_back() throws Exception {
        tenant("acme", "700100", "700101");
        receiver.stop();
        for (int i = 0; i < 5; i++) {
            assertThat(signedPost(pathOf("acme"), payload(message("700100", "700101", "wamid.away" + i)))
                            .statusCode())
                    .isEqualTo(200);
        }
        eventually(() -> count("SELECT count(*) FROM events WHERE attempts > 0") >= 1);

        receiver = started(new WireMockServer(options().port(RECEIVER_PORT)));
        receiver.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(204)));

        eventually(() -> delivered().size() == 5);
        assertThat(delivered().values())
                .allSatisfy(deliveries -> assertThat(deliveries).hasSize(1));
        assertThat(count("SELECT count(*) FROM events WHERE status <> 'DELIVERED'"))
                .isZero();
    }

    @Test
    void an_uninstalled_app_stops_its_tenant_being_served_as_active_and_is_reported() throws Exception {
        tenant("acme", "700100", "700101");
        String uninstalled = payload(
                "{\"id\":\"700100\",\"changes\":[{\"field\":\"account_update\",\"value\":{\"event\":\"PARTNER_APP_UNINSTALLED\"}}]}");

        assertThat(signedPost("/api/v1/webhooks/whatsapp", uninstalled).statusCode())
                .isEqualTo(200);

        JsonNode owner = JSON.readTree(
                api.send("GET", "/api/v1/lookup/phone-numbers/700101", api.token("platform", "service"), null)
                        .body());
        assertThat(owner.get("is_active").asBoolean()).isFalse();
        JsonNode resolved = JSON.readTree(api.send("GET", "/api/v1/tenant/config/resolved", api.token("acme"), null)
                .body());
        assertThat(resolved.get("has_tenant_config").asBoolean()).isFalse();
        JsonNode history = JSON.readTree(api.send("GET", "/api/v1/tenant/config/history", api.token("acme"), null)
                .body());
        assertThat(history.toString()).contains("ACCOUNT_STANDING_CHANGED").contains("system:meta-webhook");
        eventually(() -> delivered().values().stream()
                .map(list -> list.get(0).get("type").asText())
                .toList()
                .containsAll(List.of("whatsapp.change", "account.standing_changed", "health.changed")));
    }

    /**
     * Meta's published "Partner app uninstalled" example (account_update webhook reference): the
     * entry is the partner's business, the customer's account is in {@code waba_info}. The page's
     * example puts {@code field} and {@code object} inside the value; Meta sends them as the
     * page's syntax says (the change's {@code field}, the body's {@code object}), as here.
     */
    private static final String METAS_PARTNER_APP_UNINSTALLED = """
            {"object":"whatsapp_business_account",
             "entry":[{"id":"2949482758682047","time":1748477359,
                       "changes":[{"value":{"event":"PARTNER_APP_UNINSTALLED",
                                            "waba_info":{"waba_id":"184943124712545",
                                                         "owner_business_id":"1284923862322270",
                                                         "partner_app_id":"869361281603019"}},
                                   "field":"account_update"}]}]}""";

    /** Meta's published "Partner app installed" example, in the same envelope. */
    private static final String METAS_PARTNER_APP_INSTALLED = """
            {"object":"whatsapp_business_account",
             "entry":[{"id":"2949482758682047","time":1745337174,
                       "changes":[{"value":{"event":"PARTNER_APP_INSTALLED",
                                            "waba_info":{"waba_id":"1191624265890717",
                                                         "owner_business_id":"2329417887457253",
                                                         "partner_app_id":"5731794616896507",
                                                         "solution_id":"1715120619246906",
                                                         "solution_partner_business_ids":["2949482758682047","520744086200222"]}},
                                   "field":"account_update"}]}]}""";

    @Test
    void metas_partner_app_uninstalled_stops_the_customers_account_being_served_as_active() throws Exception {
        tenant("acme", "184943124712545", "700101");

        HttpResponse<String> taken = signedPost("/api/v1/webhooks/whatsapp", METAS_PARTNER_APP_UNINSTALLED);

        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(taken.body()))
                .isEqualTo(JSON.readTree("{\"received\":1,\"duplicates\":0,\"unroutable\":0}"));
        JsonNode owner = JSON.readTree(
                api.send("GET", "/api/v1/lookup/phone-numbers/700101", api.token("platform", "service"), null)
                        .body());
        assertThat(owner.get("is_active").asBoolean()).isFalse();
        JsonNode account = JSON.readTree(
                api.send("GET", "/api/v1/lookup/wabas/184943124712545", api.token("platform", "service"), null)
                        .body());
        assertThat(account.get("is_active").asBoolean()).isFalse();
        JsonNode history = JSON.readTree(api.send("GET", "/api/v1/tenant/config/history", api.token("acme"), null)
                .body());
        assertThat(history.toString()).contains("ACCOUNT_STANDING_CHANGED").contains("system:meta-webhook");
    }

    @Test
    void metas_partner_app_installed_for_an_account_nobody_has_is_listed_for_admins_as_a_signup_never_completed()
            throws Exception {
        tenant("acme", "700100", "700101");

        HttpResponse<String> taken = signedPost("/api/v1/webhooks/whatsapp", METAS_PARTNER_APP_INSTALLED);

        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(taken.body()))
                .isEqualTo(JSON.readTree("{\"received\":1,\"duplicates\":0,\"unroutable\":1}"));
        JsonNode unroutable = JSON.readTree(
                api.send("GET", "/api/v1/tenant/admin/webhooks/unroutable", api.token(null, "admin"), null)
                        .body());
        assertThat(unroutable.get("total").asLong()).isEqualTo(1);
        JsonNode change = unroutable.get("changes").get(0);
        assertThat(change.get("waba_id").asText()).isEqualTo("1191624265890717");
        assertThat(change.get("field").asText()).isEqualTo("account_update");
        assertThat(change.get("reason").asText())
                .isEqualTo("a signup finished at Meta (PARTNER_APP_INSTALLED) but was never completed here:"
                        + " no tenant has the WhatsApp Business Account 1191624265890717");
    }

    @Test
    void metas_partner_app_installed_after_a_signup_whose_exchange_failed_shows_on_that_session_not_as_unroutable()
            throws Exception {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"This authorization code has expired.\","
                                + "\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":36007,"
                                + "\"fbtrace_id\":\"A1b2C3d4\"}}")));
        HttpResponse<String> signup = api.send(
                "POST",
                "/api/v1/tenant/onboard/whatsapp-client",
                api.token("globex"),
                "{\"code\":\"signup-code\",\"event\":\"FINISH_ONLY_WABA\",\"waba_id\":\"1191624265890717\","
                        + "\"business_id\":\"2329417887457253\",\"session_id\":\"74120398765\"}");
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(400);

        HttpResponse<String> taken = signedPost("/api/v1/webhooks/whatsapp", METAS_PARTNER_APP_INSTALLED);
        HttpResponse<String> again = signedPost("/api/v1/webhooks/whatsapp", METAS_PARTNER_APP_INSTALLED);

        assertThat(JSON.readTree(taken.body()))
                .isEqualTo(JSON.readTree("{\"received\":1,\"duplicates\":0,\"unroutable\":0}"));
        assertThat(JSON.readTree(again.body()))
                .as("Meta sending it again")
                .isEqualTo(JSON.readTree("{\"received\":0,\"duplicates\":1,\"unroutable\":0}"));
        JsonNode session = JSON.readTree(api.send("GET", "/api/v1/tenant/onboard/sessions", api.token("globex"), null)
                        .body())
                .get("sessions")
                .get(0);
        assertThat(session.get("outcome").asText()).isEqualTo("failed");
        assertThat(session.get("step").asText()).isEqualTo("exchange_code");
        assertThat(session.get("requested_waba_ids").toString()).isEqualTo("[\"1191624265890717\"]");
        assertThat(session.get("meta_installs")).hasSize(1);
        JsonNode install = session.get("meta_installs").get(0);
        assertThat(install.get("event").asText()).isEqualTo("PARTNER_APP_INSTALLED");
        assertThat(install.get("waba_id").asText()).isEqualTo("1191624265890717");
        assertThat(install.get("owner_business_id").asText()).isEqualTo("2329417887457253");
        assertThat(install.get("partner_app_id").asText()).isEqualTo("5731794616896507");
        assertThat(Instant.parse(install.get("received_at").asText()))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        String admin = api.token(null, "admin");
        JsonNode listed = JSON.readTree(
                api.send("GET", "/api/v1/tenant/admin/signup-sessions?outcome=failed&tenant_id=globex", admin, null)
                        .body());
        assertThat(listed.get("sessions")
                        .get(0)
                        .get("meta_installs")
                        .get(0)
                        .get("waba_id")
                        .asText())
                .isEqualTo("1191624265890717");
        JsonNode unroutable = JSON.readTree(api.send("GET", "/api/v1/tenant/admin/webhooks/unroutable", admin, null)
                .body());
        assertThat(unroutable.get("total").asLong())
                .as("the unroutable list does not grow")
                .isZero();
        assertThat(count("SELECT count(*) FROM events"))
                .as("no tenant holds the account")
                .isZero();
    }

    @Test
    void metas_partner_app_installed_that_came_before_the_signup_failed_here_moves_from_the_unroutable_list_to_it()
            throws Exception {
        JsonNode first = JSON.readTree(signedPost("/api/v1/webhooks/whatsapp", METAS_PARTNER_APP_INSTALLED)
                .body());
        assertThat(first.get("unroutable").asInt()).isEqualTo(1);
        GRAPH.stubFor(
                get(urlPathEqualTo("/v23.0/oauth/access_token"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"This authorization code has been used.\","
                                                        + "\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":36009,\"fbtrace_id\":\"X9\"}}")));

        HttpResponse<String> signup = api.send(
                "POST",
                "/api/v1/tenant/onboard/whatsapp-client",
                api.token("globex"),
                "{\"code\":\"signup-code\",\"event\":\"FINISH_ONLY_WABA\",\"waba_id\":\"1191624265890717\"}");

        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(400);
        String admin = api.token(null, "admin");
        assertThat(JSON.readTree(api.send("GET", "/api/v1/tenant/admin/webhooks/unroutable", admin, null)
                                .body())
                        .get("total")
                        .asLong())
                .isZero();
        JsonNode installs = JSON.readTree(api.send("GET", "/api/v1/tenant/onboard/sessions", api.token("globex"), null)
                        .body())
                .get("sessions")
                .get(0)
                .get("meta_installs");
        assertThat(installs).hasSize(1);
        assertThat(installs.get(0).get("owner_business_id").asText()).isEqualTo("2329417887457253");
    }

    /** Initech signs up account 700300 with number 700301, Meta agreeing to every step. */
    private HttpResponse<String> onboardInitech() throws Exception {
        String token = SecretValues.secret("EAAGonboardZD" + Long.toHexString(System.nanoTime()));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .willReturn(okJson("{\"data\":{\"app_id\":\"1234567890\",\"type\":\"SYSTEM_USER\",\"expires_at\":0,"
                        + "\"is_valid\":true,\"scopes\":[\"whatsapp_business_management\","
                        + "\"whatsapp_business_messaging\"]}}")));
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/700300/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/700301/register")).willReturn(okJson("{\"success\":true}")));
        // Meta has verified every number these signups name (a v4 signup may name one it has not).
        GRAPH.stubFor(get(urlPathMatching("/v23.0/[0-9]+"))
                .withQueryParam("fields", equalTo("code_verification_status"))
                .willReturn(okJson("{\"code_verification_status\":\"VERIFIED\"}")));

        return api.send(
                "POST",
                "/api/v1/tenant/onboard/whatsapp-client",
                api.token("initech"),
                "{\"code\":\"signup-code\",\"waba_id\":\"700300\",\"phone_number_id\":\"700301\"}");
    }

    private JsonNode initechsAccount() throws Exception {
        return JSON.readTree(api.send("GET", "/api/v1/tenant/config/accounts/700300", api.token("initech"), null)
                .body());
    }

    @Test
    void
            an_accounts_subscription_is_recorded_by_onboarding_ended_by_an_uninstall_and_recorded_again_by_a_resubscription()
                    throws Exception {
        assertThat(onboardInitech().statusCode()).isEqualTo(200);
        Instant onboarded = Instant.parse(initechsAccount().get("subscribed_at").asText());
        assertThat(onboarded).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));

        String uninstalled = payload(
                "{\"id\":\"700300\",\"changes\":[{\"field\":\"account_update\",\"value\":{\"event\":\"PARTNER_APP_UNINSTALLED\"}}]}");
        assertThat(signedPost("/api/v1/webhooks/whatsapp", uninstalled).statusCode())
                .isEqualTo(200);
        assertThat(initechsAccount().get("subscribed_at").isNull())
                .as("Meta sends the account's webhooks nowhere once the app is uninstalled")
                .isTrue();
        assertThat(initechsAccount().get("standing").asText()).isEqualTo("DISCONNECTED");

        HttpResponse<String> resubscribed =
                api.send("POST", "/api/v1/tenant/config/webhook/resubscribe", api.token("initech"), null);
        assertThat(resubscribed.statusCode()).as(resubscribed.body()).isEqualTo(200);
        assertThat(Instant.parse(initechsAccount().get("subscribed_at").asText()))
                .isAfterOrEqualTo(onboarded);
        JsonNode history = JSON.readTree(api.send("GET", "/api/v1/tenant/config/history", api.token("initech"), null)
                .body());
        assertThat(history.toString()).contains("WEBHOOK_RESUBSCRIBED").contains("subscribed_at");
    }

    @Test
    void onboarding_subscribes_the_account_and_points_it_at_the_tenants_url() throws Exception {
        HttpResponse<String> onboarded = onboardInitech();

        assertThat(onboarded.statusCode()).isEqualTo(200);
        String callback = webhookOf("initech").get("callback_url").asText();
        List<LoggedRequest> subscriptions =
                GRAPH.findAll(postRequestedFor(urlPathEqualTo("/v23.0/700300/subscribed_apps")));
        assertThat(subscriptions).hasSize(2);
        assertThat(subscriptions.get(0).getBodyAsString()).isEmpty();
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/700300/subscribed_apps"))
                .withRequestBody(equalToJson(
                        "{\"override_callback_uri\":\"" + callback + "\",\"verify_token\":\"platform-verify\"}")));
    }
}
