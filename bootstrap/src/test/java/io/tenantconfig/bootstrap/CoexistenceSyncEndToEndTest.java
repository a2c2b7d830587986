package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.LogLeakGuard;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WhatsApp Business app's number signed up over real HTTP, on a real PostgreSQL, against a fake
 * Graph API answering with the examples of Meta's coexistence guide: the number is never
 * registered; the service asks for the app's contacts, then its history, retries what Meta did not
 * accept, gives up when Meta's window closes, and shows each outcome on the number. The retry
 * schedule is shortened through the configuration; nothing in a log line is a secret.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CoexistenceSyncEndToEndTest {

    private static final WireMockServer GRAPH =
            started(new WireMockServer(options().dynamicPort()));
    private static final String APP_SECRET = "test-app-secret-coexist-7a6b5c4d";
    private static final String WABA = "102290129340398";
    private static final String PHONE = "106540352242922";
    private static final String SYNC = "/v23.0/" + PHONE + "/smb_app_data";
    private static final String NUMBERS = "/api/v1/tenant/config/phone-numbers";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(
            DATABASE,
            ConfigOverride.config("meta.graphApiBaseUrl", GRAPH.baseUrl()),
            ConfigOverride.config("meta.appSecret", APP_SECRET),
            ConfigOverride.config("meta.requestTimeout", "1s"),
            ConfigOverride.config("coexistence.syncEvery", "50ms"),
            ConfigOverride.config("coexistence.firstBackoff", "200ms"),
            ConfigOverride.config("coexistence.maxBackoff", "400ms"));

    private static final SecretsGiven SECRETS = new SecretsGiven();

    private final ApiClient api = new ApiClient(APP);
    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private String token;

    private static WireMockServer started(WireMockServer server) {
        server.start();
        return server;
    }

    @BeforeAll
    static void captureLogs() {
        LogLeakGuard.attach();
        SECRETS.add(APP_SECRET);
    }

    @AfterAll
    static void noSecretWasLogged() {
        GRAPH.stop();
        SECRETS.noneLogged();
    }

    @BeforeEach
    void freshStart() throws Exception {
        GRAPH.resetAll();
        api.startAfresh(jdbi);
        token = "EAAGcoexistZCZBtokenZD" + Long.toHexString(System.nanoTime());
        SECRETS.add(token);
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .willReturn(okJson("{\"data\":{\"app_id\":\"1234567890\",\"type\":\"SYSTEM_USER\","
                        + "\"application\":\"Acme\",\"expires_at\":0,\"is_valid\":true,"
                        + "\"scopes\":[\"whatsapp_business_management\",\"whatsapp_business_messaging\"]}}")));
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        GRAPH.stubFor(post(urlPathMatching("/v23.0/[0-9]+/register")).willReturn(okJson("{\"success\":true}")));
        // Meta has verified every number these signups name (a v4 signup may name one it has not).
        GRAPH.stubFor(get(urlPathMatching("/v23.0/[0-9]+"))
                .withQueryParam("fields", equalTo("code_verification_status"))
                .willReturn(okJson("{\"code_verification_status\":\"VERIFIED\"}")));
    }

    /** Meta's published answer to a sync request. */
    private static ResponseDefinitionBuilder accepted(String requestId) {
        return okJson("{\"messaging_product\": \"whatsapp\", \"request_id\": \"" + requestId + "\"}");
    }

    private static ResponseDefinitionBuilder metaFails() {
        return aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"An unexpected error has occurred. Please retry your request"
                        + " later.\",\"type\":\"OAuthException\",\"code\":2,\"fbtrace_id\":\"AqX1b2C3d4\"}}");
    }

    private static void metaAnswersTheSyncs(ResponseDefinitionBuilder contacts, ResponseDefinitionBuilder history) {
        GRAPH.stubFor(post(urlPathEqualTo(SYNC))
                .withRequestBody(matchingJsonPath("$.sync_type", equalTo("smb_app_state_sync")))
                .willReturn(contacts));
        GRAPH.stubFor(post(urlPathEqualTo(SYNC))
                .withRequestBody(matchingJsonPath("$.sync_type", equalTo("history")))
                .willReturn(history));
    }

    private HttpResponse<String> signUpTheBusinessApp() throws Exception {
        String code = "AQD-coexist-code-" + Long.toHexString(System.nanoTime());
        SECRETS.add(code);
        HttpResponse<String> response = api.send(
                "POST",
                "/api/v1/tenant/onboard/whatsapp-client",
                api.token("acme"),
                "{\"code\":\"" + code + "\",\"event\":\"FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING\",\"waba_id\":\"" + WABA
                        + "\",\"phone_number_id\":\"" + PHONE + "\",\"business_id\":\"4022399384699\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** The number's sync as the tenant sees it. */
    private JsonNode sync() throws Exception {
        HttpResponse<String> listed = api.send("GET", NUMBERS, api.token("acme"), null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(token);
        return JSON.readTree(listed.body()).path("phone_numbers").get(0).path("sync");
    }

    private static List<String> syncTypesAsked() {
        return GRAPH.findAll(postRequestedFor(urlPathEqualTo(SYNC))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> {
                    try {
                        return JSON.readTree(body).path("sync_type").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void a_business_app_signup_is_never_registered_and_its_contacts_then_its_history_are_requested() throws Exception {
        metaAnswersTheSyncs(accepted("8412954012345678"), accepted("8412954012345679"));

        signUpTheBusinessApp();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(sync().path("history").path("status").asText())
                                .isEqualTo("requested"));
        GRAPH.verify(0, postRequestedFor(urlPathMatching("/v23.0/[0-9]+/register")));
        assertThat(syncTypesAsked()).containsExactly("smb_app_state_sync", "history");
        for (LoggedRequest request : GRAPH.findAll(postRequestedFor(urlPathEqualTo(SYNC)))) {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
            assertThat(JSON.readTree(request.getBodyAsString())
                            .path("messaging_product")
                            .asText())
                    .isEqualTo("whatsapp");
        }
        JsonNode sync = sync();
        assertThat(sync.path("contacts").path("status").asText()).isEqualTo("requested");
        assertThat(sync.path("contacts").path("request_id").asText()).isEqualTo("8412954012345678");
        assertThat(sync.path("history").path("request_id").asText()).isEqualTo("8412954012345679");
        assertThat(sync.path("next_attempt_at").isNull())
                .as("nothing left to ask")
                .isTrue();
        JsonNode admin = JSON.readTree(
                api.send("GET", "/api/v1/tenant/admin/configs/acme/phone-numbers", api.token(null, "admin"), null)
                        .body());
        assertThat(admin.path("phone_numbers")
                        .get(0)
                        .path("sync")
                        .path("contacts")
                        .path("status")
                        .asText())
                .isEqualTo("requested");
        Thread.sleep(300);
        assertThat(syncTypesAsked()).as("nothing is asked twice").hasSize(2);
    }

    @Test
    void a_sync_meta_fails_is_retried_by_the_service_and_then_succeeds() throws Exception {
        GRAPH.stubFor(post(urlPathEqualTo(SYNC))
                .withRequestBody(matchingJsonPath("$.sync_type", equalTo("smb_app_state_sync")))
                .inScenario("contacts")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(metaFails())
                .willSetStateTo("failed once"));
        GRAPH.stubFor(post(urlPathEqualTo(SYNC))
                .withRequestBody(matchingJsonPath("$.sync_type", equalTo("smb_app_state_sync")))
                .inScenario("contacts")
                .whenScenarioStateIs("failed once")
                .willReturn(accepted("8412954012345680")));
        GRAPH.stubFor(post(urlPathEqualTo(SYNC))
                .withRequestBody(matchingJsonPath("$.sync_type", equalTo("history")))
                .willReturn(accepted("8412954012345681")));

        signUpTheBusinessApp();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(sync().path("history").path("status").asText())
                                .isEqualTo("requested"));
        assertThat(syncTypesAsked()).containsExactly("smb_app_state_sync", "smb_app_state_sync", "history");
        JsonNode contacts = sync().path("contacts");
        assertThat(contacts.path("status").asText()).isEqualTo("requested");
        assertThat(contacts.path("failures").asInt()).isEqualTo(1);
        assertThat(contacts.path("last_error").isNull()).isTrue();
    }

    @Test
    void a_sync_meta_keeps_failing_shows_metas_words_and_ends_expired_when_the_window_closes() throws Exception {
        metaAnswersTheSyncs(metaFails(), accepted("never"));

        signUpTheBusinessApp();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode contacts = sync().path("contacts");
            assertThat(contacts.path("status").asText()).isEqualTo("failed");
            assertThat(contacts.path("failures").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(contacts.path("last_error").asText()).startsWith("An unexpected error has occurred.");
        });
        assertThat(sync().path("history").path("status").asText()).isEqualTo("pending");

        // 24 hours after the signup: Meta's window has closed.
        jdbi.useHandle(h -> h.execute("UPDATE app_data_syncs SET window_ends_at = now() - interval '1 second',"
                + " next_attempt_at = now() - interval '1 second'"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(sync().path("contacts").path("status").asText())
                                .isEqualTo("expired"));
        JsonNode sync = sync();
        assertThat(sync.path("history").path("status").asText()).isEqualTo("expired");
        assertThat(sync.path("contacts").path("last_error").asText()).startsWith("An unexpected error has occurred.");
        assertThat(sync.path("next_attempt_at").isNull()).isTrue();
        int asked = GRAPH.findAll(postRequestedFor(urlPathEqualTo(SYNC))).size();
        Thread.sleep(500);
        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo(SYNC))))
                .as("nothing is asked after the window closed")
                .hasSize(asked);
        assertThat(syncTypesAsked()).doesNotContain("history");
    }

    @Test
    void a_cloud_api_signup_asks_for_no_sync_and_its_number_carries_none() throws Exception {
        metaAnswersTheSyncs(accepted("x"), accepted("y"));
        String code = "AQD-cloud-code-" + Long.toHexString(System.nanoTime());
        SECRETS.add(code);

        HttpResponse<String> response = api.send(
                "POST",
                "/api/v1/tenant/onboard/whatsapp-client",
                api.token("acme"),
                "{\"code\":\"" + code + "\",\"event\":\"FINISH\",\"waba_id\":\"" + WABA + "\",\"phone_number_id\":\""
                        + PHONE + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Thread.sleep(300);
        assertThat(JSON.readTree(api.send("GET", NUMBERS, api.token("acme"), null)
                                .body())
                        .path("phone_numbers")
                        .get(0)
                        .has("sync"))
                .isFalse();
        GRAPH.verify(0, postRequestedFor(urlPathEqualTo(SYNC)));
        long syncs = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM app_data_syncs")
                .mapTo(Long.class)
                .one());
        assertThat(syncs).isZero();
    }
}
