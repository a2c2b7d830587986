package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.TestKeys;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.LogLeakGuard;
import io.tenantconfig.testing.SecretValues;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Embedded Signup over real HTTP, against a fake Graph API answering with Meta's documented JSON
 * (and with what Meta sends on bad days), on a real PostgreSQL. After every case the database
 * says what a user would expect; after all of them, no secret appears in any log line.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OnboardingEndToEndTest {

    private static final WireMockServer GRAPH =
            started(new WireMockServer(options().dynamicPort()));
    private static final String APP_SECRET = "test-app-secret-9f8e7d6c5b4a";
    private static final String WABA = "102290129340398";
    private static final String PHONE = "106540352242922";
    private static final String SECOND_PHONE = "106540352242923";
    private static final String RESUME = "/api/v1/tenant/onboard/whatsapp-client/resume";
    private static final String ONBOARD = "/api/v1/tenant/onboard/whatsapp-client";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(
            DATABASE,
            ConfigOverride.config("meta.graphApiBaseUrl", GRAPH.baseUrl()),
            ConfigOverride.config("meta.appSecret", APP_SECRET),
            ConfigOverride.config("meta.requestTimeout", "1s"));

    /** Every secret any case handed out or sent; none may appear in a log line. */
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private final ApiClient api = new ApiClient(APP);
    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private int codes;

    /** A secret this test handed out: checked here after the class, and by the suite-wide log check. */
    private static void register(String secret) {
        SECRETS.add(secret);
        SecretValues.secret(secret);
    }

    private static WireMockServer started(WireMockServer server) {
        server.start();
        return server;
    }

    @BeforeAll
    static void captureLogs() {
        LogLeakGuard.attach();
        register(APP_SECRET);
    }

    @AfterAll
    static void noSecretWasLogged() {
        GRAPH.stop();
        assertThat(LogLeakGuard.lines()).as("captured log lines").isNotEmpty();
        for (String line : LogLeakGuard.lines()) {
            for (String secret : SECRETS) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    @BeforeEach
    void freshStart() throws Exception {
        GRAPH.resetAll();
        api.startAfresh(jdbi);
        jdbi.useHandle(h -> h.execute("TRUNCATE signup_sessions, signup_session_installs"));
    }

    // ---- the fake Graph API -------------------------------------------------------------

    private static String token(String name) {
        String token = "EAAG" + name + "ZCZBtokenZD" + Long.toHexString(System.nanoTime());
        register(token);
        return token;
    }

    private static void exchangeAnswers(ResponseDefinitionBuilder answer) {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(answer));
    }

    private static String exchangeIssues(String token, Long expiresIn) {
        exchangeAnswers(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\""
                + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn) + "}"));
        return token;
    }

    private static void debugTokenSays(long expiresAt, String type) {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .willReturn(okJson(
                        "{\"data\":{\"app_id\":\"1234567890\",\"type\":\"" + type + "\",\"application\":\"Acme\","
                                + "\"expires_at\":" + expiresAt + ",\"is_valid\":true,"
                                + "\"scopes\":[\"whatsapp_business_management\",\"whatsapp_business_messaging\"]}}")));
    }

    private static void subscribeAnswers(ResponseDefinitionBuilder answer) {
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")).willReturn(answer));
    }

    private static void registerAnswers(ResponseDefinitionBuilder answer) {
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + PHONE + "/register")).willReturn(answer));
        // Meta has verified every number these signups name (a v4 signup may name one it has not).
        GRAPH.stubFor(get(urlPathMatching("/v23.0/[0-9]+"))
                .withQueryParam("fields", equalTo("code_verification_status"))
                .willReturn(okJson("{\"code_verification_status\":\"VERIFIED\"}")));
    }

    private static void metaWorks() {
        debugTokenSays(0, "SYSTEM_USER");
        subscribeAnswers(okJson("{\"success\":true}"));
        registerAnswers(okJson("{\"success\":true}"));
    }

    private static ResponseDefinitionBuilder graphError(int status, int code, Integer subcode, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"A1b2C3d4\"}}");
    }

    // ---- the service ---------------------------------------------------------------------

    private HttpResponse<String> onboard(String tenant) throws Exception {
        return onboard(tenant, WABA, PHONE);
    }

    private HttpResponse<String> onboard(String tenant, String waba, String phone) throws Exception {
        return onboardWith(
                tenant,
                "\"waba_id\":\"" + waba + "\",\"phone_number_id\":\"" + phone
                        + "\",\"redirect_uri\":\"https://app.example.com/whatsapp\"");
    }

    /** Onboards {@code tenant} with a new signup code and these other fields of the body. */
    private HttpResponse<String> onboardWith(String tenant, String fields) throws Exception {
        String code = "AQD-signup-code-" + (++codes) + "-" + Long.toHexString(System.nanoTime());
        register(code);
        return api.send("POST", ONBOARD, api.token(tenant), "{\"code\":\"" + code + "\"," + fields + "}");
    }

    private HttpResponse<String> resume(String tenant) throws Exception {
        return api.send("POST", RESUME, api.token(tenant), null);
    }

    /**
     * The stored row with its default number's and its primary account's (the default number's,
     * else the first added), its secret columns (ciphertext in the tables) decrypted with the
     * service's keyset.
     */
    private Optional<Map<String, Object>> row(String tenant) {
        Optional<Map<String, Object>> stored =
                jdbi.withHandle(h -> h.createQuery("SELECT c.*, a.waba_id, a.business_id, a.access_token,"
                                + " a.refresh_token, a.token_expires_at, a.last_verified_at,"
                                + " n.phone_number_id, n.registration_pin, n.registered_at"
                                + " FROM tenant_configs c LEFT JOIN tenant_phone_numbers n"
                                + " ON n.config_id = c.id AND n.is_default"
                                + " LEFT JOIN whatsapp_accounts a ON a.id = coalesce(n.account_id,"
                                + " (SELECT min(f.id) FROM whatsapp_accounts f WHERE f.config_id = c.id))"
                                + " WHERE c.tenant_id = :t")
                        .bind("t", tenant)
                        .mapToMap()
                        .findOne());
        String keyset = APP.getConfiguration().getEncryption().keyset();
        return stored.map(raw -> {
            Map<String, Object> row = new HashMap<>(raw);
            for (String column : List.of("access_token", "registration_pin")) {
                Object value = raw.get(column);
                if (value != null) {
                    assertThat(value.toString())
                            .as(column + " is stored encrypted")
                            .startsWith("tink1:");
                    row.put(
                            column,
                            TestKeys.decrypt(keyset, value.toString(), "tenant_configs." + column + "/" + tenant));
                }
            }
            Optional.ofNullable(row.get("registration_pin")).ifPresent(pin -> register(pin.toString()));
            return row;
        });
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    // ---- cases ---------------------------------------------------------------------------

    @Test
    void a_cancel_a_failed_exchange_and_a_finished_signup_are_each_a_session_kept_in_postgres_and_listed()
            throws Exception {
        HttpResponse<String> cancelled = api.send(
                "POST",
                "/api/v1/tenant/onboard/signup-events",
                api.token("acme"),
                "{\"event\":\"CANCEL\",\"current_step\":\"PHONE_NUMBER_SETUP\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        assertThat(GRAPH.getAllServeEvents())
                .as("Meta is not called for a reported event")
                .isEmpty();

        exchangeAnswers(graphError(400, 100, 36009, "This authorization code has been used."));
        HttpResponse<String> failed = onboardFinishing("acme", "FINISH", PHONE);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(400);

        exchangeIssues(token("business"), null);
        metaWorks();
        HttpResponse<String> finished = onboardFinishing("acme", "FINISH", PHONE);
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        row("acme"); // registers the stored PIN as a secret

        JsonNode sessions = JSON.readTree(api.send("GET", "/api/v1/tenant/onboard/sessions", api.token("acme"), null)
                        .body())
                .get("sessions");
        assertThat(sessions).hasSize(3);
        assertThat(List.of(
                        sessions.get(0).get("outcome").asText(),
                        sessions.get(1).get("outcome").asText(),
                        sessions.get(2).get("outcome").asText()))
                .containsExactly("finished", "failed", "cancelled");
        JsonNode done = sessions.get(0);
        assertThat(done.get("event").asText()).isEqualTo("FINISH");
        assertThat(done.get("session_id").asText()).isEqualTo("74120398765");
        assertThat(done.get("waba_ids").toString()).isEqualTo("[\"" + WABA + "\"]");
        assertThat(done.get("phone_number_ids").toString()).isEqualTo("[\"" + PHONE + "\"]");
        JsonNode refused = sessions.get(1);
        assertThat(refused.get("step").asText()).isEqualTo("exchange_code");
        assertThat(refused.get("error_code").asText()).isEqualTo("100");
        assertThat(refused.get("error_message").asText()).isEqualTo("This authorization code has been used.");
        assertThat(refused.get("fbtrace_id").asText()).isEqualTo("A1b2C3d4");
        assertThat(refused.get("waba_ids")).isEmpty();
        assertThat(sessions.get(2).get("step").asText()).isEqualTo("PHONE_NUMBER_SETUP");

        String admin = api.token(null, "admin");
        JsonNode failures = JSON.readTree(
                api.send("GET", "/api/v1/tenant/admin/signup-sessions?outcome=failed&tenant_id=acme", admin, null)
                        .body());
        assertThat(failures.get("returned").asInt()).isEqualTo(1);
        assertThat(failures.get("sessions").get(0).get("fbtrace_id").asText()).isEqualTo("A1b2C3d4");
        JsonNode stats = JSON.readTree(api.send("GET", "/api/v1/tenant/admin/configs/stats", admin, null)
                .body());
        assertThat(stats.get("signups").toString())
                .isEqualTo("{\"finished\":1,\"cancelled\":1,\"failed\":1,\"days\":30}");

        List<String> rows = jdbi.withHandle(h -> h.createQuery("SELECT s::text FROM signup_sessions s")
                .mapTo(String.class)
                .list());
        assertThat(rows).hasSize(3);
        for (String stored : rows) {
            for (String secret : SECRETS) {
                assertThat(stored).as("a stored session").doesNotContain(secret);
            }
        }
    }

    @Test
    void signing_up_a_second_number_adds_and_registers_it_and_signing_it_up_again_changes_nothing() throws Exception {
        exchangeIssues(token("business"), null);
        metaWorks();
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + SECOND_PHONE + "/register")).willReturn(okJson("{\"success\":true}")));
        assertThat(onboard("acme").statusCode()).isEqualTo(200);

        HttpResponse<String> second = onboard("acme", WABA, SECOND_PHONE);
        HttpResponse<String> again = onboard("acme", WABA, SECOND_PHONE);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("phone_number_id").asText()).isEqualTo(SECOND_PHONE);
        assertThat(again.statusCode()).isEqualTo(200);
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE + "/register")));
        GRAPH.verify(2, postRequestedFor(urlPathEqualTo("/v23.0/" + SECOND_PHONE + "/register")));
        JsonNode numbers = json(api.send("GET", "/api/v1/tenant/config/phone-numbers", api.token("acme"), null))
                .get("phone_numbers");
        assertThat(numbers).hasSize(2);
        assertThat(numbers.get(0).get("phone_number_id").asText()).isEqualTo(PHONE);
        assertThat(numbers.get(0).get("is_default").asBoolean()).isTrue();
        assertThat(numbers.get(1).get("phone_number_id").asText()).isEqualTo(SECOND_PHONE);
        assertThat(numbers.get(1).get("registered_at").isNull()).isFalse();
        JsonNode owner = json(api.send(
                "GET", "/api/v1/lookup/phone-numbers/" + SECOND_PHONE, api.token("platform", "service"), null));
        assertThat(owner.get("tenant_id").asText()).isEqualTo("acme");
        assertThat(owner.get("waba_id").asText()).isEqualTo(WABA);
    }

    @Test
    void signing_up_a_number_another_tenant_has_is_refused_and_stores_nothing() throws Exception {
        exchangeIssues(token("business"), null);
        metaWorks();
        assertThat(onboard("acme").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = onboard("globex", "555000999", PHONE);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("detail").asText())
                .contains("belongs to another tenant")
                .doesNotContain("acme");
        assertThat(row("globex")).isEmpty();
    }

    @Test
    void a_business_token_that_never_expires_completes_onboarding() throws Exception {
        String issued = exchangeIssues(token("business"), null);
        metaWorks();

        HttpResponse<String> response = onboard("acme");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("tenant_id").asText()).isEqualTo("acme");
        assertThat(body.get("waba_id").asText()).isEqualTo(WABA);
        assertThat(body.get("phone_number_id").asText()).isEqualTo(PHONE);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(issued);

        Map<String, Object> row = row("acme").orElseThrow();
        assertThat(body.get("config_id").asLong()).isEqualTo(((Number) row.get("id")).longValue());
        assertThat(row)
                .containsEntry("access_token", issued)
                .containsEntry("onboarding_status", "COMPLETED")
                .containsEntry("onboarding_completed", true)
                .containsEntry("user_id", "user-acme")
                .containsEntry("redirect_url", "https://app.example.com/whatsapp")
                .containsEntry("token_expires_at", null);
        assertThat(row.get("onboarded_at")).isNotNull();
        assertThat(row.get("last_verified_at")).isNotNull();
        assertThat(row.get("registration_pin").toString()).matches("[0-9]{6}");
        GRAPH.verify(
                getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token")).withoutQueryParam("redirect_uri"));
        assertThat(tokenTypeShownTo("acme"))
                .as("debug_token's type, stored when onboarding verified the token")
                .isEqualTo("SYSTEM_USER");
    }

    /** {@code token_type} of the tenant's configuration object, and of its account in the accounts list (the same). */
    private String tokenTypeShownTo(String tenant) throws Exception {
        JsonNode config = JSON.readTree(api.send("GET", "/api/v1/tenant/config", api.token(tenant), null)
                .body());
        JsonNode accounts = JSON.readTree(api.send("GET", "/api/v1/tenant/config/accounts", api.token(tenant), null)
                .body());
        assertThat(accounts.toString())
                .contains("\"token_type\":\"" + config.get("token_type").asText() + "\"");
        return config.get("token_type").asText();
    }

    /** What {@code GET /config} says of whether the tenant still needs a number it can send with. */
    private boolean needsPhoneNumber(String tenant) throws Exception {
        return json(api.send("GET", "/api/v1/tenant/config", api.token(tenant), null))
                .path("needs_phone_number")
                .asBoolean();
    }

    private HttpResponse<String> onboardFinishing(String tenant, String event, String phone) throws Exception {
        return onboardWith(
                tenant,
                "\"event\":\"" + event + "\",\"waba_id\":\"" + WABA + "\""
                        + (phone == null ? "" : ",\"phone_number_id\":\"" + phone + "\"")
                        + ",\"business_id\":\"4022399384699\",\"session_id\":\"74120398765\"");
    }

    /** Acme signs up as {@code event} says (with {@code phone}, if any), Meta agreeing to every step; nothing is registered. */
    private JsonNode finishedWithoutRegistering(String event, String phone) throws Exception {
        exchangeIssues(token("business"), null);
        metaWorks();

        HttpResponse<String> response = onboardFinishing("acme", event, phone);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        GRAPH.verify(0, postRequestedFor(urlPathMatching("/v23.0/[0-9]+/register")));
        return json(response);
    }

    @Test
    void a_signup_that_finished_without_a_number_is_stored_and_subscribed_and_nothing_is_registered() throws Exception {
        JsonNode answer = finishedWithoutRegistering("FINISH_ONLY_WABA", null);

        assertThat(answer.get("phone_number_id").isNull()).isTrue();
        assertThat(answer.get("message").asText()).contains("add one with POST /api/v1/tenant/config/phone-numbers");
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")));
        Map<String, Object> row = row("acme").orElseThrow();
        assertThat(row)
                .containsEntry("onboarding_status", "COMPLETED")
                .containsEntry("onboarding_waba_id", WABA)
                .containsEntry("onboarding_phone_number_id", null)
                .containsEntry("phone_number_id", null);
        long numbers = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_phone_numbers")
                .mapTo(Long.class)
                .one());
        assertThat(numbers).isZero();
    }

    @Test
    void a_signup_without_a_number_then_a_number_meta_creates_verifies_and_registers_through_the_service()
            throws Exception {
        String created = "106540352299001";
        String code = SecretValues.secret("481516");
        SECRETS.add(code);
        finishedWithoutRegistering("FINISH_ONLY_WABA", null);
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers"))
                .willReturn(okJson("{\"id\": \"" + created + "\"}")));
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + created + "/request_code")).willReturn(okJson("{\"success\": true}")));
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + created + "/verify_code"))
                .willReturn(graphError(400, 136025, null, "(#136025) Code verification failed")));
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + created + "/register")).willReturn(okJson("{\"success\": true}")));
        String numbers = "/api/v1/tenant/config/phone-numbers";

        HttpResponse<String> added = api.send(
                "POST",
                numbers,
                api.token("acme"),
                "{\"country_code\": \"1\", \"phone_number\": \"5550100\", \"verified_name\": \"Acme\"}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).path("verified").asBoolean(true)).isFalse();
        assertThat(needsPhoneNumber("acme"))
                .as("an unverified number cannot send yet")
                .isTrue();
        assertThat(json(api.send(
                                "GET",
                                "/api/v1/lookup/phone-numbers/" + created,
                                api.token("platform", "service"),
                                null))
                        .path("is_active")
                        .asBoolean())
                .isFalse();

        HttpResponse<String> requested = api.send(
                "POST",
                numbers + "/" + created + "/request-code",
                api.token("acme"),
                "{\"code_method\": \"SMS\", \"language\": \"en_US\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);

        HttpResponse<String> wrong =
                api.send("POST", numbers + "/" + created + "/verify-code", api.token("acme"), "{\"code\": \"000000\"}");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(json(wrong).path("detail").asText())
                .contains("(#136025) Code verification failed")
                .contains("is kept unverified");
        GRAPH.verify(0, postRequestedFor(urlPathEqualTo("/v23.0/" + created + "/register")));

        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + created + "/verify_code")).willReturn(okJson("{\"success\": true}")));
        HttpResponse<String> verified = api.send(
                "POST", numbers + "/" + created + "/verify-code", api.token("acme"), "{\"code\": \"" + code + "\"}");

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json(verified).path("is_active").asBoolean()).isTrue();
        assertThat(json(verified).path("registered_at").isTextual()).isTrue();
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers"))
                .withRequestBody(
                        equalToJson("{\"cc\": \"1\", \"phone_number\": \"5550100\", \"verified_name\": \"Acme\"}")));
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + created + "/verify_code"))
                .withRequestBody(equalToJson("{\"code\": \"" + code + "\"}")));
        GRAPH.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v23.0/" + created + "/register"))
                        .withRequestBody(matchingJsonPath("$.pin", matching("[0-9]{6}"))));
        assertThat(needsPhoneNumber("acme")).isFalse();
        assertThat(json(api.send("GET", "/api/v1/tenant/config/resolved", api.token("acme"), null))
                        .path("values")
                        .path("phone_number_id")
                        .path("value")
                        .asText())
                .isEqualTo(created);
        assertThat(json(api.send(
                                "GET",
                                "/api/v1/lookup/phone-numbers/" + created,
                                api.token("platform", "service"),
                                null))
                        .path("is_active")
                        .asBoolean())
                .isTrue();
        List<String> actions = jdbi.withHandle(
                h -> h.createQuery("SELECT action FROM tenant_config_audit WHERE tenant_id = 'acme' ORDER BY id")
                        .mapTo(String.class)
                        .list());
        assertThat(actions)
                .containsSubsequence(
                        "PHONE_NUMBER_ADDED",
                        "PHONE_NUMBER_CODE_REQUESTED",
                        "PHONE_NUMBER_VERIFIED",
                        "PHONE_NUMBER_REGISTERED");
    }

    @Test
    void a_finish_with_a_number_meta_has_not_verified_registers_nothing_and_says_how_to_verify_it() throws Exception {
        exchangeIssues(token("business"), null);
        metaWorks();
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .withQueryParam("fields", equalTo("code_verification_status"))
                .willReturn(okJson("{\"code_verification_status\": \"NOT_VERIFIED\", \"id\": \"" + PHONE + "\"}")));

        HttpResponse<String> response = onboardFinishing("acme", "FINISH", PHONE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("message").asText())
                .contains("Meta has not verified its phone number yet")
                .contains("/api/v1/tenant/config/phone-numbers/" + PHONE + "/request-code");
        GRAPH.verify(0, postRequestedFor(urlPathMatching("/v23.0/[0-9]+/register")));
        JsonNode number =
                json(api.send("GET", "/api/v1/tenant/config/phone-numbers/" + PHONE, api.token("acme"), null));
        assertThat(number.path("verified").asBoolean(true)).isFalse();
        assertThat(number.path("is_active").asBoolean(true)).isFalse();
        assertThat(needsPhoneNumber("acme")).isTrue();
    }

    @Test
    void a_whatsapp_business_app_number_is_stored_as_such_and_never_registered() throws Exception {
        JsonNode answer = finishedWithoutRegistering("FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", PHONE);

        assertThat(answer.get("phone_number_id").asText()).isEqualTo(PHONE);
        boolean coexistence = jdbi.withHandle(h -> h.createQuery("SELECT coexistence FROM tenant_phone_numbers")
                .mapTo(Boolean.class)
                .one());
        assertThat(coexistence).isTrue();
        assertThat(row("acme").orElseThrow())
                .containsEntry("onboarding_status", "COMPLETED")
                .containsEntry("registration_pin", null);
        JsonNode numbers = JSON.readTree(api.send("GET", "/api/v1/tenant/config/phone-numbers", api.token("acme"), null)
                .body());
        assertThat(numbers.path("phone_numbers").get(0).path("coexistence").asBoolean())
                .isTrue();
        JsonNode owner = JSON.readTree(
                api.send("GET", "/api/v1/lookup/phone-numbers/" + PHONE, api.token("platform", "service"), null)
                        .body());
        assertThat(owner.path("coexistence").asBoolean())
                .as("the sending code learns it from the lookup")
                .isTrue();
    }

    @Test
    void a_user_token_is_stored_with_its_expiry() throws Exception {
        long expiresAt = Instant.now().plus(60, ChronoUnit.DAYS).getEpochSecond();
        exchangeIssues(token("user"), 5_183_944L);
        metaWorks();
        debugTokenSays(expiresAt, "USER");

        assertThat(onboard("acme").statusCode()).isEqualTo(200);

        Timestamp stored = (Timestamp) row("acme").orElseThrow().get("token_expires_at");
        assertThat(stored.toInstant()).isEqualTo(Instant.ofEpochSecond(expiresAt));
        assertThat(tokenTypeShownTo("acme")).isEqualTo("USER");
    }

    @ParameterizedTest(name = "code 100/{0} -> 400, restart the signup")
    @CsvSource({"36007", "36008", "36009"})
    void a_rejected_signup_code_asks_the_user_to_restart_and_stores_nothing(int subcode) throws Exception {
        exchangeAnswers(graphError(400, 100, subcode, "This authorization code has expired."));

        HttpResponse<String> response = onboard("acme");

        assertThat(response.statusCode()).isEqualTo(400);
        String detail = json(response).get("detail").asText();
        assertThat(detail).contains("restart the WhatsApp signup", "This authorization code has expired.", "A1b2C3d4");
        assertThat(row("acme")).isEmpty();
    }

    @ParameterizedTest(name = "code {0} -> 429 with Retry-After")
    @CsvSource({"4", "80007", "130429"})
    void metas_rate_limit_is_429_with_retry_after(int code) throws Exception {
        exchangeAnswers(
                graphError(400, code, null, "Application request limit reached").withHeader("Retry-After", "30"));

        HttpResponse<String> response = onboard("acme");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
        assertThat(row("acme")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "transient code 1 | 500 | {\"error\":{\"message\":\"An unknown error"
                        + " occurred\",\"code\":1,\"fbtrace_id\":\"X1\"}}",
                "transient code 2 | 503 | {\"error\":{\"message\":\"Service temporarily"
                        + " unavailable\",\"code\":2,\"fbtrace_id\":\"X2\"}}",
                "a 5xx without JSON | 500 | Internal Server Error",
                "an HTML error page | 502 | <html><body><h1>502 Bad Gateway</h1></body></html>",
                "malformed JSON | 200 | {\"access_token\": \"EAAG"
            })
    void meta_failing_or_answering_nonsense_is_502_and_stores_nothing(String name, int status, String body)
            throws Exception {
        exchangeAnswers(aResponse().withStatus(status).withBody(body));

        HttpResponse<String> response = onboard("acme");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).get("detail").asText()).contains("exchanging the signup code");
        assertThat(row("acme")).isEmpty();
    }

    @Test
    void meta_not_answering_in_time_is_504() throws Exception {
        exchangeAnswers(okJson("{\"access_token\":\"EAAG-too-late\"}").withFixedDelay(3_000));
        register("EAAG-too-late");

        HttpResponse<String> response = onboard("acme");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(row("acme")).isEmpty();
    }

    @Test
    void a_failure_at_subscribe_keeps_the_token_and_resume_completes() throws Exception {
        String issued = exchangeIssues(token("subscribe"), null);
        metaWorks();
        subscribeAnswers(graphError(500, 2, null, "Service temporarily unavailable"));

        HttpResponse<String> failed = onboard("acme");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(json(failed).get("detail").asText()).contains("subscribing the app", "resume");
        assertThat(row("acme").orElseThrow())
                .containsEntry("access_token", issued)
                .containsEntry("onboarding_status", "TOKEN_EXCHANGED")
                .containsEntry("onboarding_completed", false);

        subscribeAnswers(okJson("{\"success\":true}"));
        HttpResponse<String> resumed = resume("acme");

        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(json(resumed).get("success").asBoolean()).isTrue();
        assertThat(row("acme").orElseThrow())
                .containsEntry("onboarding_status", "COMPLETED")
                .containsEntry("onboarding_completed", true)
                .containsEntry("access_token", issued);
        GRAPH.verify(1, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token")));
    }

    @Test
    void a_failure_at_register_keeps_the_token_and_resume_completes() throws Exception {
        exchangeIssues(token("register"), null);
        metaWorks();
        registerAnswers(graphError(400, 80007, null, "Rate limit hit"));

        HttpResponse<String> failed = onboard("acme");

        assertThat(failed.statusCode()).isEqualTo(429);
        Map<String, Object> afterFailure = row("acme").orElseThrow();
        assertThat(afterFailure).containsEntry("onboarding_status", "WEBHOOK_SUBSCRIBED");
        Object pin = afterFailure.get("registration_pin");
        assertThat(pin).isNotNull();

        registerAnswers(okJson("{\"success\":true}"));
        assertThat(resume("acme").statusCode()).isEqualTo(200);
        assertThat(row("acme").orElseThrow())
                .containsEntry("onboarding_status", "COMPLETED")
                .containsEntry("registration_pin", pin);
    }

    @Test
    void an_invalid_token_on_a_later_step_marks_the_config_for_reauthorization() throws Exception {
        exchangeIssues(token("revoked"), null);
        metaWorks();
        registerAnswers(graphError(401, 190, 460, "Error validating access token: The session has been invalidated."));

        HttpResponse<String> response = onboard("acme");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("re-authorize", "A1b2C3d4");
        assertThat(row("acme").orElseThrow()).containsEntry("onboarding_status", "REAUTHORIZATION_REQUIRED");
        assertThat(resume("acme").statusCode()).isEqualTo(409);
    }

    @Test
    void onboarding_again_replaces_the_token_and_keeps_the_rest_of_the_configuration() throws Exception {
        exchangeIssues(token("first"), null);
        metaWorks();
        onboard("acme");
        api.send(
                "PUT",
                "/api/v1/tenant/config",
                api.token("acme"),
                "{\"callback_url\":\"https://acme.example/webhook\",\"verify_token\":\"acme-verify\"}");
        long id = ((Number) row("acme").orElseThrow().get("id")).longValue();
        String renewed = exchangeIssues(token("renewed"), null);

        assertThat(onboard("acme").statusCode()).isEqualTo(200);

        assertThat(row("acme").orElseThrow())
                .containsEntry("access_token", renewed)
                .containsEntry("callback_url", "https://acme.example/webhook")
                .containsEntry("verify_token", "acme-verify")
                .containsEntry("onboarding_status", "COMPLETED")
                .containsEntry("id", id);
    }

    @Test
    void missing_fields_are_422_naming_each_and_meta_is_not_called() throws Exception {
        HttpResponse<String> response = api.send("POST", ONBOARD, api.token("acme"), "{\"redirect_uri\":\"ftp://x\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains(
                        "\"field\":\"code\"",
                        "\"field\":\"waba_id\"",
                        "\"field\":\"phone_number_id\"",
                        "\"field\":\"redirect_uri\"");
        assertThat(GRAPH.getAllServeEvents()).isEmpty();
    }

    @Test
    void onboarding_needs_a_token_with_a_tenant() throws Exception {
        assertThat(api.send("POST", ONBOARD, null, "{}").statusCode()).isEqualTo(401);
        assertThat(api.send(
                                "POST",
                                ONBOARD,
                                api.token(null, "admin"),
                                "{\"code\":\"c\",\"waba_id\":\"1\",\"phone_number_id\":\"2\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.send("POST", RESUME, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void resume_without_a_config_is_404_and_for_a_hand_made_one_409() throws Exception {
        assertThat(resume("acme").statusCode()).isEqualTo(404);
        api.send("POST", "/api/v1/tenant/config", api.token("acme"), "{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}");
        assertThat(resume("acme").statusCode()).isEqualTo(409);
    }

    @Test
    void changes_made_while_onboarding_runs_are_all_kept_and_every_version_has_its_audit_entry() throws Exception {
        String acme = api.token("acme");
        assertThat(api.send("POST", "/api/v1/tenant/config", acme, "{}").statusCode())
                .isEqualTo(201);
        exchangeIssues(token("Race"), null);
        debugTokenSays(0, "SYSTEM_USER");
        subscribeAnswers(okJson("{\"success\":true}").withFixedDelay(200));
        registerAnswers(okJson("{\"success\":true}").withFixedDelay(200));

        CompletableFuture<HttpResponse<String>> onboarding = CompletableFuture.supplyAsync(() -> {
            try {
                return onboard("acme");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Integer> puts = ConcurrentRequests.statuses(
                8,
                20,
                (client, n) -> api.send(
                        "PUT",
                        "/api/v1/tenant/config",
                        acme,
                        "{\"callback_url\":\"https://acme.example/" + client + "/" + n + "\"}"));

        assertThat(onboarding.get().statusCode()).isEqualTo(200);
        assertThat(puts).hasSize(160).containsOnly(200);
        Map<String, Object> row = row("acme").orElseThrow();
        assertThat(row).containsEntry("onboarding_status", "COMPLETED");
        assertThat(row.get("callback_url").toString()).startsWith("https://acme.example/");
        long entries =
                jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_config_audit WHERE tenant_id = 'acme'")
                        .mapTo(Long.class)
                        .one());
        long settings = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_config_audit"
                        + " WHERE tenant_id = 'acme' AND action = 'UPDATE' AND fields = 'callback_url'")
                .mapTo(Long.class)
                .one());
        assertThat(settings).isEqualTo(160);
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(entries);
    }
}
