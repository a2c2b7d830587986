package io.tenantconfig.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tenantconfig.adapters.meta.MetaCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The health calls against a fake Graph API: Meta's documented answers, and hostile ones. */
class GraphApiMetaHealthTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String APP_SECRET = SecretValues.secret("platform-app-secret-9f8e7d6c");
    private static final String TENANT_APP_SECRET = SecretValues.secret("tenant-app-secret-1a2b3c4d");
    private static final Secret TOKEN = Secret.of(SecretValues.secret("EAAG-tenant-token-5566"));
    private static final MetaId WABA = MetaId.parse("102290129340398");
    private static final MetaId PHONE = MetaId.parse("106540352242922");

    private static GraphApiMetaHealth meta(Duration timeout) {
        return new GraphApiMetaHealth(
                new GraphApiSettings(
                        URI.create(GRAPH.baseUrl()),
                        "v23.0",
                        MetaId.parse("1234567890"),
                        Secret.of(APP_SECRET),
                        Duration.ofSeconds(2),
                        timeout,
                        Duration.ofSeconds(60)),
                new GraphThrottle(100, 4),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static GraphApiMetaHealth metaOfVersion(String version) {
        return new GraphApiMetaHealth(
                new GraphApiSettings(
                        URI.create(GRAPH.baseUrl()),
                        version,
                        MetaId.parse("1234567890"),
                        Secret.of(APP_SECRET),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(60)),
                new GraphThrottle(100, 4),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static GraphApiMetaHealth meta() {
        return meta(Duration.ofSeconds(5));
    }

    @Test
    void debug_token_gives_validity_type_app_expiry_scopes_and_their_targets() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .withQueryParam("input_token", equalTo(TOKEN.reveal()))
                .withHeader("Authorization", equalTo("Bearer 1234567890|" + APP_SECRET))
                .willReturn(okJson("""
                        {"data":{"app_id":"1234567890","type":"USER","application":"Acme","is_valid":true,
                          "expires_at":1767225600,"data_access_expires_at":1775001600,
                          "scopes":["whatsapp_business_management","whatsapp_business_messaging","public_profile"],
                          "granular_scopes":[
                            {"scope":"whatsapp_business_management","target_ids":["102290129340398"]},
                            {"scope":"whatsapp_business_messaging","target_ids":["102290129340398","555"]},
                            {"scope":"public_profile"}]}}""")));

        TokenFacts facts = meta().inspect(TOKEN, AppCredentials.NONE);

        assertThat(facts.valid()).isTrue();
        assertThat(facts.type()).isEqualTo("USER");
        assertThat(facts.appId()).isEqualTo(MetaId.parse("1234567890"));
        assertThat(facts.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767225600));
        assertThat(facts.dataAccessExpiresAt()).isEqualTo(Instant.ofEpochSecond(1775001600));
        assertThat(facts.scopes()).contains(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING);
        assertThat(facts.scopeTargets())
                .containsEntry(TokenFacts.MANAGEMENT, Set.of(WABA))
                .containsEntry(TokenFacts.MESSAGING, Set.of(WABA, MetaId.parse("555")))
                .doesNotContainKey("public_profile");
    }

    @Test
    void a_token_meta_refuses_is_reported_with_its_code_and_subcode_and_asked_with_the_tenants_own_app() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .withHeader("Authorization", equalTo("Bearer 777|" + TENANT_APP_SECRET))
                .willReturn(okJson("""
                        {"data":{"is_valid":false,"expires_at":0,"scopes":[],
                          "error":{"code":190,"subcode":463,"message":"Session has expired"}}}""")));

        TokenFacts facts = meta().inspect(TOKEN, new AppCredentials(MetaId.parse("777"), Secret.of(TENANT_APP_SECRET)));

        assertThat(facts.valid()).isFalse();
        assertThat(facts.errorCode()).isEqualTo(190);
        assertThat(facts.errorSubcode()).isEqualTo(463);
        assertThat(facts.expiresAt()).isNull();
    }

    @Test
    void a_number_reports_status_quality_and_name_status_and_an_unknown_one_is_said_to_be_unknown() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .withQueryParam("fields", equalTo(GraphApiMetaHealth.NUMBER_FIELDS + ",health_status"))
                .willReturn(okJson("{\"id\":\"" + PHONE + "\",\"status\":\"CONNECTED\",\"quality_rating\":\"RED\","
                        + "\"name_status\":\"APPROVED\",\"verified_name\":\"Acme\","
                        + "\"health_status\":{\"can_send_message\":\"LIMITED\",\"entities\":[]}}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/999"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\","
                                        + "\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"X\"}}")));

        assertThat(meta().phoneNumber(PHONE, TOKEN))
                .isEqualTo(new NumberFacts(PHONE, true, "CONNECTED", "RED", "APPROVED", "LIMITED"));
        assertThat(meta().phoneNumber(MetaId.parse("999"), TOKEN)).isEqualTo(NumberFacts.unknown(MetaId.parse("999")));
    }

    // Meta's phone number as its references show it: "quality_rating": "GREEN" with Jasper's Market
    // (https://developers.facebook.com/docs/whatsapp/business-management-api/manage-phone-numbers),
    // "throughput": {"level": "STANDARD"}
    // (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput) and the
    // portfolio's "whatsapp_business_manager_messaging_limit"
    // (https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits).
    @Test
    void a_number_reports_its_throughput_level_and_its_portfolios_messaging_limit() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .withQueryParam("fields", equalTo(GraphApiMetaHealth.NUMBER_FIELDS + ",health_status"))
                .willReturn(
                        okJson("{\"verified_name\":\"Jasper's Market\",\"display_phone_number\":\"+1 631-555-5555\","
                                + "\"id\":\"" + PHONE + "\",\"quality_rating\":\"GREEN\",\"name_status\":\"APPROVED\","
                                + "\"status\":\"CONNECTED\",\"throughput\":{\"level\":\"STANDARD\"},"
                                + "\"whatsapp_business_manager_messaging_limit\":\"TIER_2K\"}")));

        NumberFacts facts = meta().phoneNumber(PHONE, TOKEN);

        assertThat(facts.throughputLevel()).isEqualTo("STANDARD");
        assertThat(facts.messagingLimitTier()).isEqualTo("TIER_2K");
        assertThat(facts.capacity().messagesPerSecond(false)).isEqualTo(80);
        assertThat(facts.capacity().qualityRating()).isEqualTo("GREEN");
    }

    @Test
    void a_graph_version_without_the_portfolios_limit_is_asked_again_without_it_never_taken_for_an_unknown_number() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .withQueryParam("fields", equalTo(GraphApiMetaHealth.NUMBER_FIELDS + ",health_status"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#100) Tried accessing nonexisting field"
                                + " (whatsapp_business_manager_messaging_limit) on node type"
                                + " (WhatsAppBusinessPhoneNumber)\",\"type\":\"OAuthException\",\"code\":100,"
                                + "\"fbtrace_id\":\"X\"}}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .withQueryParam(
                        "fields",
                        equalTo(GraphApiMetaHealth.NUMBER_FIELDS.replace(
                                        ",whatsapp_business_manager_messaging_limit", "")
                                + ",health_status"))
                .willReturn(okJson("{\"id\":\"" + PHONE + "\",\"status\":\"CONNECTED\",\"quality_rating\":\"GREEN\","
                        + "\"throughput\":{\"level\":\"HIGH\"}}")));

        NumberFacts facts = meta().phoneNumber(PHONE, TOKEN);

        assertThat(facts.known()).isTrue();
        assertThat(facts.throughputLevel()).isEqualTo("HIGH");
        assertThat(facts.messagingLimitTier()).isNull();
    }

    @Test
    void the_account_lists_its_numbers() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers"))
                .willReturn(okJson("{\"data\":[{\"id\":\"" + PHONE + "\"},{\"id\":\"106540352242923\"}],"
                        + "\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"}}}")));

        assertThat(meta().accountNumbers(WABA, TOKEN))
                .containsExactlyInAnyOrder(PHONE, MetaId.parse("106540352242923"));
    }

    @Test
    void a_token_is_extended_with_fb_exchange_token_and_the_app_secret_never_leaves_the_query() {
        Secret extended = Secret.of(SecretValues.secret("EAAG-extended-8899"));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("client_id", equalTo("1234567890"))
                .withQueryParam("client_secret", equalTo(APP_SECRET))
                .withQueryParam("fb_exchange_token", equalTo(TOKEN.reveal()))
                .willReturn(okJson("{\"access_token\":\"" + extended.reveal()
                        + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));

        AccessGrant grant = meta().extend(TOKEN, AppCredentials.NONE);

        assertThat(grant.token()).isEqualTo(extended);
        assertThat(grant.expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
        GRAPH.verify(1, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token")));
    }

    @Test
    void hostile_answers_are_failures_that_say_what_happened_never_exceptions_of_their_own() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .willReturn(aResponse().withStatus(502).withBody("<html><body>Bad gateway</body></html>")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers")).willReturn(okJson("{\"data\":")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        GRAPH.stubFor(
                get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(okJson("{\"token_type\":\"bearer\"}")));

        MetaFailure html = failureOf(() -> meta().inspect(TOKEN, AppCredentials.NONE));
        MetaFailure truncated = failureOf(() -> meta().accountNumbers(WABA, TOKEN));
        MetaFailure limited = failureOf(() -> meta().phoneNumber(PHONE, TOKEN));
        MetaFailure noToken = failureOf(() -> meta().extend(TOKEN, AppCredentials.NONE));

        assertThat(html.kind()).isEqualTo(MetaFailure.Kind.META_UNAVAILABLE);
        assertThat(html.message()).isEqualTo("Meta answered HTTP 502 without its error JSON");
        assertThat(truncated.kind()).isEqualTo(MetaFailure.Kind.META_UNAVAILABLE);
        assertThat(limited.kind()).isEqualTo(MetaFailure.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(noToken.message()).isEqualTo("no access_token in Meta's answer");
        assertThat(String.join(" ", html.message(), truncated.message(), limited.message(), noToken.message()))
                .doesNotContain(TOKEN.reveal())
                .doesNotContain(APP_SECRET);
    }

    @Test
    void a_debug_token_answer_without_is_valid_and_a_timeout_are_failures_to_answer() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token")).willReturn(okJson("{\"data\":{\"app_id\":\"1\"}}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .willReturn(okJson("{\"status\":\"CONNECTED\"}").withFixedDelay(1500)));

        assertThat(failureOf(() -> meta().inspect(TOKEN, AppCredentials.NONE)).message())
                .isEqualTo("no data.is_valid in Meta's answer");
        assertThat(failureOf(() -> meta(Duration.ofMillis(300)).phoneNumber(PHONE, TOKEN))
                        .kind())
                .isEqualTo(MetaFailure.Kind.TIMEOUT);
        assertThat(meta().platformApp()).isEqualTo(MetaId.parse("1234567890"));
        assertThat(metaOfVersion("v17.0").numberFields()).isEqualTo(GraphApiMetaHealth.NUMBER_FIELDS);
        assertThat(metaOfVersion("v18.0").numberFields()).endsWith(",health_status");
    }
}
