package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.LogLeakGuard;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a tenant manages at Meta through the service, over real HTTP on a real PostgreSQL against a
 * fake Graph API answering as Meta's references show: message templates created and deleted
 * ("Template management",
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management/),
 * each reaching Meta with the account's token and recorded in the tenant's history; and a number's
 * business profile read, changed and read again, kept from Meta's last answer for when Meta is down
 * (Business Profiles reference, https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles).
 * Nothing in a log line is a secret.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ManagementEndToEndTest {

    private static final WireMockServer GRAPH =
            started(new WireMockServer(options().dynamicPort()));
    private static final String APP_SECRET = "test-app-secret-manage-5f4e3d2c";
    private static final String WABA = "102290129340398";
    private static final String PHONE = "106540352242922";
    private static final String META_TEMPLATES = "/v23.0/" + WABA + "/message_templates";
    private static final String TEMPLATES = "/api/v1/tenant/config/templates";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(
            DATABASE,
            ConfigOverride.config("meta.graphApiBaseUrl", GRAPH.baseUrl()),
            ConfigOverride.config("meta.appSecret", APP_SECRET),
            ConfigOverride.config("meta.requestTimeout", "1s"));

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

    /** Acme set up by hand: one account with its token, one number. */
    @BeforeEach
    void acmeHasAnAccountAndANumber() throws Exception {
        GRAPH.resetAll();
        api.startAfresh(jdbi);
        token = "EAAGmanageZCZBtokenZD" + Long.toHexString(System.nanoTime());
        SECRETS.add(token);
        HttpResponse<String> created = api.send(
                "POST",
                "/api/v1/tenant/config",
                api.token("acme"),
                "{\"waba_id\":\"" + WABA + "\",\"phone_number_id\":\"" + PHONE + "\",\"access_token\":\"" + token
                        + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private List<String> history() throws Exception {
        HttpResponse<String> page = api.send("GET", "/api/v1/tenant/config/history", api.token("acme"), null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        JSON.readTree(page.body())
                .path("records")
                .forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }

    @Test
    void a_template_created_and_deleted_reaches_meta_with_the_accounts_token_and_both_are_in_the_history()
            throws Exception {
        GRAPH.stubFor(post(urlPathEqualTo(META_TEMPLATES))
                .willReturn(
                        okJson("{\"id\": \"594425479261596\", \"status\": \"PENDING\", \"category\": \"UTILITY\"}")));
        GRAPH.stubFor(delete(urlPathEqualTo(META_TEMPLATES)).willReturn(okJson("{\"success\": true}")));
        String body = """
                {"name": "order_confirmation", "language": "en_US", "category": "UTILITY", "parameter_format": "NAMED",
                 "components": [{"type": "BODY",
                   "text": "Thank you, {{first_name}}! Your order number is {{order_number}}.",
                   "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Pablo"},
                     {"param_name": "order_number", "example": "860198-230332"}]}}]}
                """;

        HttpResponse<String> created = api.send("POST", TEMPLATES, api.token("acme"), body);
        HttpResponse<String> deleted =
                api.send("DELETE", TEMPLATES + "/order_confirmation?hsm_id=594425479261596", api.token("acme"), null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        assertThat(answer.path("id").asText()).isEqualTo("594425479261596");
        assertThat(answer.path("status").asText()).isEqualTo("PENDING");
        assertThat(answer.path("waba_id").asText()).isEqualTo(WABA);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        GRAPH.verify(postRequestedFor(urlPathEqualTo(META_TEMPLATES))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson(body)));
        GRAPH.verify(deleteRequestedFor(urlPathEqualTo(META_TEMPLATES))
                .withQueryParam("name", equalTo("order_confirmation"))
                .withQueryParam("hsm_id", equalTo("594425479261596"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        assertThat(history()).startsWith("TEMPLATE_DELETED", "TEMPLATE_CREATED");
    }

    @Test
    void a_template_meta_refuses_is_answered_in_metas_words_and_a_body_it_would_refuse_never_reaches_it()
            throws Exception {
        GRAPH.stubFor(post(urlPathEqualTo(META_TEMPLATES))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Invalid parameter\", \"type\": \"OAuthException\","
                                + " \"code\": 100, \"error_subcode\": 2388024, \"is_transient\": false,"
                                + " \"error_user_title\": \"Content in this language already exists\","
                                + " \"error_user_msg\": \"There is already English content for this template.\","
                                + " \"fbtrace_id\": \"AzxqRk7-Mh2bHoB8xV0tq3c\"}}")));

        HttpResponse<String> refusedByMeta = api.send(
                "POST",
                TEMPLATES,
                api.token("acme"),
                "{\"name\": \"order_shipped\", \"language\": \"en_US\", \"category\": \"UTILITY\","
                        + " \"components\": [{\"type\": \"BODY\", \"text\": \"Your order has shipped.\"}]}");
        HttpResponse<String> refusedHere = api.send(
                "POST",
                TEMPLATES,
                api.token("acme"),
                "{\"name\": \"order_shipped\", \"language\": \"en_US\", \"category\": \"UTILITY\","
                        + " \"components\": [{\"type\": \"FOOTER\", \"text\": \"Thanks\"}]}");

        assertThat(refusedByMeta.statusCode()).isEqualTo(400);
        assertThat(refusedByMeta.body())
                .contains("There is already English content for this template")
                .contains("AzxqRk7-Mh2bHoB8xV0tq3c")
                .doesNotContain(token);
        assertThat(refusedHere.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refusedHere.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("components");
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(META_TEMPLATES)));
        assertThat(history()).doesNotContain("TEMPLATE_CREATED");
    }

    private static final String META_PROFILE = "/v23.0/" + PHONE + "/whatsapp_business_profile";
    private static final String PROFILE = "/api/v1/tenant/config/phone-numbers/" + PHONE + "/profile";

    @Test
    void a_business_profile_makes_the_round_trip_and_is_kept_for_when_meta_is_down() throws Exception {
        GRAPH.stubFor(get(urlPathEqualTo(META_PROFILE))
                .inScenario("profile")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson("""
                        {"data": [{"about": "My Butterfly Business sells butterflies",
                          "address": "101 Butterfly Ln., Butterfly, Ohio", "description": "We sell butterflies.",
                          "email": "butterflies@butterflies.com", "messaging_product": "whatsapp",
                          "profile_picture_url": "2:c2FtcGxl...",
                          "websites": ["https://www.butterflies.com/", "https://www.butterflies.com/amea/"],
                          "vertical": "INDUSTRY"}]}
                        """)));
        GRAPH.stubFor(post(urlPathEqualTo(META_PROFILE))
                .inScenario("profile")
                .willReturn(okJson("{\"success\": true}"))
                .willSetStateTo("changed"));
        GRAPH.stubFor(get(urlPathEqualTo(META_PROFILE))
                .inScenario("profile")
                .whenScenarioStateIs("changed")
                .willReturn(okJson("""
                        {"data": [{"about": "Succulent specialists!",
                          "address": "101 Butterfly Ln., Butterfly, Ohio", "description": "We sell butterflies.",
                          "email": "butterflies@butterflies.com", "messaging_product": "whatsapp",
                          "profile_picture_url": "2:c2FtcGxl...", "websites": ["https://www.luckyshrub.com"],
                          "vertical": "RETAIL"}]}
                        """)));

        HttpResponse<String> read = api.send("GET", PROFILE, api.token("acme"), null);
        HttpResponse<String> changed = api.send(
                "PATCH",
                PROFILE,
                api.token("acme"),
                "{\"about\": \"Succulent specialists!\", \"websites\": [\"https://www.luckyshrub.com\"],"
                        + " \"vertical\": \"RETAIL\"}");
        GRAPH.stubFor(get(urlPathEqualTo(META_PROFILE))
                .inScenario("profile")
                .whenScenarioStateIs("changed")
                .willReturn(aResponse().withStatus(503)));
        HttpResponse<String> whileDown = api.send("GET", PROFILE, api.token("acme"), null);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("about").asText())
                .isEqualTo("My Butterfly Business sells butterflies");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode now = JSON.readTree(changed.body());
        assertThat(now.path("about").asText()).isEqualTo("Succulent specialists!");
        assertThat(now.path("source").asText()).isEqualTo("meta");
        GRAPH.verify(postRequestedFor(urlPathEqualTo(META_PROFILE))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(
                        equalToJson("{\"messaging_product\": \"whatsapp\", \"about\": \"Succulent specialists!\","
                                + " \"websites\": [\"https://www.luckyshrub.com\"], \"vertical\": \"RETAIL\"}")));
        assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(200);
        JsonNode kept = JSON.readTree(whileDown.body());
        assertThat(kept.path("about").asText()).isEqualTo("Succulent specialists!");
        assertThat(kept.path("source").asText()).isEqualTo("kept");
        assertThat(kept.path("read_at").asText()).isEqualTo(now.path("read_at").asText());
        assertThat(kept.path("meta_error").asText()).contains("503");
        assertThat(history()).startsWith("BUSINESS_PROFILE_CHANGED");
    }
}
