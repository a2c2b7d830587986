package io.tenantconfig.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tenantconfig.adapters.meta.MetaCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import io.tenantconfig.application.port.out.MetaPhoneNumbers.CodeMethod;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NewPhoneNumber;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.VerificationCode;
import io.tenantconfig.domain.VerifiedName;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Creating, sending a code to and verifying a number, against a fake Graph API answering as
 * Meta's "Phone Numbers" reference shows ({@code {"id": "..."}} for a number created, {@code
 * {"success": true}} for a code sent or verified) and with Meta's error JSON.
 */
class GraphApiMetaPhoneNumbersTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Secret TOKEN = Secret.of(SecretValues.secret("EAAG-business-token-numbers-51"));
    private static final MetaId WABA = MetaId.parse("102290129340398");
    private static final MetaId CREATED = MetaId.parse("1906385232743451");

    private static GraphApiMetaPhoneNumbers meta() {
        return new GraphApiMetaPhoneNumbers(new GraphApiSettings(
                URI.create(GRAPH.baseUrl()),
                "v23.0",
                MetaId.parse("1234567890"),
                Secret.of(SecretValues.secret("app-secret-numbers-8c1d")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60)));
    }

    @Test
    void a_number_is_created_in_the_account_with_its_token_and_metas_id_comes_back() {
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers"))
                .willReturn(okJson("{\"id\": \"" + CREATED + "\"}")));

        MetaId id = meta().create(WABA, new NewPhoneNumber("1", "5550100", VerifiedName.parse("Acme Inc")), TOKEN);

        assertThat(id).isEqualTo(CREATED);
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withRequestBody(
                        equalToJson("{\"cc\":\"1\",\"phone_number\":\"5550100\",\"verified_name\":\"Acme Inc\"}")));
    }

    @Test
    void an_answer_without_an_id_is_metas_failure_not_a_number() {
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + WABA + "/phone_numbers")).willReturn(okJson("{}")));

        MetaFailure failure = failureOf(
                () -> meta().create(WABA, new NewPhoneNumber("1", "5550100", VerifiedName.parse("Acme")), TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.META_UNAVAILABLE);
        assertThat(failure.message()).contains("no phone number id");
    }

    @Test
    void a_code_is_requested_by_the_method_and_in_the_language_asked() {
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + CREATED + "/request_code")).willReturn(okJson("{\"success\": true}")));

        meta().requestCode(CREATED, CodeMethod.VOICE, "en_US", TOKEN);

        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + CREATED + "/request_code"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withRequestBody(equalToJson("{\"code_method\":\"VOICE\",\"language\":\"en_US\"}")));
    }

    @Test
    void the_code_is_given_to_meta_and_a_refusal_comes_back_in_metas_words_without_the_code() {
        VerificationCode code = VerificationCode.parse("481516");
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + CREATED + "/verify_code"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#136025) Code verification failed for code 481516\","
                                + "\"type\":\"OAuthException\",\"code\":136025,\"fbtrace_id\":\"AbCdEf123\"}}")));

        MetaFailure failure = failureOf(() -> meta().verifyCode(CREATED, code, TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.code()).isEqualTo(136025);
        assertThat(failure.fbtraceId()).isEqualTo("AbCdEf123");
        assertThat(failure.message())
                .startsWith("(#136025) Code verification failed")
                .doesNotContain("481516");
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + CREATED + "/verify_code"))
                .withRequestBody(equalToJson("{\"code\":\"481516\"}")));
    }

    @Test
    void meta_answering_anything_but_success_is_a_failure() {
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + CREATED + "/verify_code")).willReturn(okJson("{\"success\": false}")));

        MetaFailure failure = failureOf(() -> meta().verifyCode(CREATED, VerificationCode.parse("123456"), TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }
}
