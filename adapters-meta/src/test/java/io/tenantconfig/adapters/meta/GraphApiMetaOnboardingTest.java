package io.tenantconfig.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tenantconfig.adapters.meta.MetaCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import io.tenantconfig.application.port.out.TokenInspection;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adapter against a fake Graph API answering with Meta's documented JSON, and with worse. */
class GraphApiMetaOnboardingTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String APP_SECRET = SecretValues.secret("app-secret-5f4dcc3b5aa765d61d83");
    private static final SignupCode CODE = new SignupCode(SecretValues.secret("AQBx-signup-code-3f9a"));
    private static final Secret TOKEN = Secret.of(SecretValues.secret("EAAG-business-token-77aa"));
    private static final MetaId WABA = MetaId.parse("102290129340398");
    private static final MetaId PHONE = MetaId.parse("106540352242922");

    private static GraphApiMetaOnboarding meta(Duration requestTimeout) {
        return new GraphApiMetaOnboarding(
                new GraphApiSettings(
                        URI.create(GRAPH.baseUrl()),
                        "v23.0",
                        MetaId.parse("1234567890"),
                        Secret.of(APP_SECRET),
                        Duration.ofSeconds(2),
                        requestTimeout,
                        Duration.ofSeconds(60)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static GraphApiMetaOnboarding meta() {
        return meta(Duration.ofSeconds(5));
    }

    private static ResponseDefinitionBuilder graphError(int status, int code, Integer subcode, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + (subcode == null ? "" : ",\"error_subcode\":" + subcode)
                        + ",\"fbtrace_id\":\"AbCdEf123\"}}");
    }

    @Test
    void a_business_token_from_the_exchange_has_no_expiry() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"EAAG-new-token\",\"token_type\":\"bearer\"}")));

        AccessGrant grant = meta().exchangeCode(CODE, null);

        assertThat(grant.token().reveal()).isEqualTo("EAAG-new-token");
        assertThat(grant.expiresAt()).isNull();
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("client_id", equalTo("1234567890"))
                .withQueryParam("client_secret", equalTo(APP_SECRET))
                .withQueryParam("code", equalTo(CODE.value()))
                .withoutQueryParam("redirect_uri"));
    }

    @Test
    void a_user_token_expires_after_its_expires_in() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson(
                        "{\"access_token\":\"EAAG-user-token\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));

        assertThat(meta().exchangeCode(CODE, null).expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
    }

    @Test
    void the_redirect_uri_is_sent_only_when_given() {
        GRAPH.stubFor(
                get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(okJson("{\"access_token\":\"EAAG-t\"}")));

        meta().exchangeCode(CODE, WebUrl.parse("https://app.example.com/callback"));

        GRAPH.verify(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("redirect_uri", equalTo("https://app.example.com/callback")));
    }

    @Test
    void debug_token_reads_validity_type_expiry_and_scopes_with_the_app_token() {
        GRAPH.stubFor(
                get(urlPathEqualTo("/v23.0/debug_token"))
                        .willReturn(
                                okJson(
                                        "{\"data\":{\"app_id\":\"1234567890\",\"type\":\"USER\",\"application\":\"Acme\",\"expires_at\":1780000000,"
                                                + "\"is_valid\":true,\"scopes\":[\"whatsapp_business_management\"],\"user_id\":\"42\"}}")));

        TokenInspection inspection = meta().inspectToken(TOKEN);

        assertThat(inspection)
                .isEqualTo(new TokenInspection(
                        true, "USER", Instant.ofEpochSecond(1780000000), Set.of("whatsapp_business_management")));
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/v23.0/debug_token"))
                .withQueryParam("input_token", equalTo(TOKEN.reveal()))
                .withHeader("Authorization", equalTo("Bearer 1234567890|" + APP_SECRET)));
    }

    @Test
    void an_expires_at_of_zero_means_the_token_never_expires() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .willReturn(okJson("{\"data\":{\"type\":\"SYSTEM_USER\",\"expires_at\":0,\"is_valid\":true}}")));

        assertThat(meta().inspectToken(TOKEN)).isEqualTo(new TokenInspection(true, "SYSTEM_USER", null, Set.of()));
    }

    @Test
    void subscribing_and_registering_send_the_documented_requests() {
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + PHONE + "/register")).willReturn(okJson("{\"success\":true}")));

        meta().subscribeApp(WABA, TOKEN);
        meta().registerPhone(PHONE, Secret.of("123456"), TOKEN);

        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal())));
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE + "/register"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"pin\":\"123456\"}")));
    }

    @Test
    void the_callback_override_names_the_tenants_url_and_verify_token_in_the_body() {
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")).willReturn(okJson("{\"success\":true}")));

        meta().overrideCallback(
                        WABA,
                        TOKEN,
                        WebUrl.parse("https://config.example.com/api/v1/webhooks/whatsapp/0123456789abcdef"),
                        VerifyToken.parse("verify-acme"));

        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withRequestBody(equalToJson("{\"override_callback_uri\":"
                        + "\"https://config.example.com/api/v1/webhooks/whatsapp/0123456789abcdef\","
                        + "\"verify_token\":\"verify-acme\"}")));
    }

    @Test
    void meta_refusing_the_override_is_a_failure_that_names_neither_token() {
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps"))
                .willReturn(graphError(400, 100, 2018001, "Callback verification failed for verify-acme")));

        MetaFailure failure = failureOf(() -> meta().overrideCallback(
                        WABA,
                        TOKEN,
                        WebUrl.parse("https://config.example.com/api/v1/webhooks/whatsapp/0123456789abcdef"),
                        VerifyToken.parse("verify-acme")));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.message()).doesNotContain("verify-acme").doesNotContain(TOKEN.reveal());
    }

    @ParameterizedTest(name = "HTTP {0}, code {1}, subcode {2} -> {3}")
    @CsvSource({
        "400, 100, 36007, SIGNUP_CODE_REJECTED",
        "400, 100, 36008, SIGNUP_CODE_REJECTED",
        "400, 100, 36009, SIGNUP_CODE_REJECTED",
        "400, 4,        , RATE_LIMITED",
        "400, 80007,    , RATE_LIMITED",
        "400, 130429,   , RATE_LIMITED",
        "400, 190,      , TOKEN_INVALID",
        "500, 1,        , META_UNAVAILABLE",
        "503, 2,        , META_UNAVAILABLE",
        "500, 100,      , META_UNAVAILABLE",
        "400, 100, 33   , REJECTED",
        "403, 200,      , REJECTED"
    })
    void meta_errors_are_read_and_classified(int status, int code, Integer subcode, Kind kind) {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(graphError(status, code, subcode, "Meta says no")));

        MetaFailure failure = failureOf(() -> meta().exchangeCode(CODE, null));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.message()).isEqualTo("Meta says no");
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.subcode()).isEqualTo(subcode);
        assertThat(failure.fbtraceId()).isEqualTo("AbCdEf123");
    }

    @Test
    void a_rate_limit_carries_metas_retry_after_or_the_default() {
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps"))
                .willReturn(graphError(400, 80007, null, "Rate limit hit").withHeader("Retry-After", "120")));
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + PHONE + "/register"))
                .willReturn(graphError(400, 130429, null, "Throughput reached")));

        assertThat(failureOf(() -> meta().subscribeApp(WABA, TOKEN)).retryAfter())
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(failureOf(() -> meta().registerPhone(PHONE, Secret.of("123456"), TOKEN))
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void an_html_error_page_is_meta_unavailable() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Bad Gateway</body></html>")));

        assertThat(failureOf(() -> meta().exchangeCode(CODE, null)).kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }

    @Test
    void malformed_json_in_a_success_answer_is_meta_unavailable() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"EAAG")));

        assertThat(failureOf(() -> meta().exchangeCode(CODE, null)).kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }

    @Test
    void a_success_answer_without_a_token_is_meta_unavailable() {
        GRAPH.stubFor(
                get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(okJson("{\"token_type\":\"bearer\"}")));

        assertThat(failureOf(() -> meta().exchangeCode(CODE, null)).kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }

    @Test
    void a_subscribe_answer_without_success_true_is_meta_unavailable() {
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")).willReturn(okJson("{\"success\":false}")));

        assertThat(failureOf(() -> meta().subscribeApp(WABA, TOKEN)).kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }

    @Test
    void an_answer_slower_than_the_request_timeout_is_a_timeout() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"EAAG-late\"}").withFixedDelay(3_000)));

        MetaFailure failure = failureOf(() -> meta(Duration.ofMillis(500)).exchangeCode(CODE, null));

        // Without the timeout the call would succeed after 3 s: a TIMEOUT can only come from it.
        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.message()).isEqualTo("Meta did not answer within 500 ms");
    }

    @Test
    void a_meta_message_that_echoes_a_secret_is_redacted() {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(graphError(
                        400, 100, 36009, "Code " + CODE.value() + " for client_secret " + APP_SECRET + " was used")));

        MetaFailure failure = failureOf(() -> meta().exchangeCode(CODE, null));

        assertThat(failure.message())
                .doesNotContain(CODE.value())
                .doesNotContain(APP_SECRET)
                .contains("***");
    }

    @Test
    void the_exchange_is_never_retried() {
        GRAPH.stubFor(
                get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(graphError(500, 2, null, "try later")));

        assertThatThrownBy(() -> meta().exchangeCode(CODE, null)).isInstanceOf(MetaCallFailedException.class);

        assertThat(GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))))
                .hasSize(1);
    }

    @ParameterizedTest(name = "code_verification_status {0} -> awaits verification: {1}")
    @CsvSource({"NOT_VERIFIED, true", "EXPIRED, true", "VERIFIED, false"})
    void whether_a_number_awaits_verification_is_read_from_metas_phone_number_node(String status, boolean awaits) {
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + PHONE))
                .withQueryParam("fields", equalTo("code_verification_status"))
                .willReturn(okJson("{\"code_verification_status\": \"" + status + "\", \"id\": \"" + PHONE + "\"}")));

        assertThat(meta().awaitsVerification(PHONE, TOKEN)).isEqualTo(awaits);
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/v23.0/" + PHONE))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal())));
    }
}
