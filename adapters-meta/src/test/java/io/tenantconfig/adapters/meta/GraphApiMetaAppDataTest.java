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
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The coexistence syncs against a fake Graph API answering with the examples of Meta's coexistence guide, and with worse. */
class GraphApiMetaAppDataTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Secret TOKEN = Secret.of(SecretValues.secret("EAAG-business-token-coexist-31"));
    private static final MetaId PHONE = MetaId.parse("106540352242922");
    private static final String PATH = "/v23.0/106540352242922/smb_app_data";

    private static GraphApiMetaAppData meta() {
        return (GraphApiMetaAppData) new MetaAdapters(
                        new GraphApiSettings(
                                URI.create(GRAPH.baseUrl()),
                                "v23.0",
                                MetaId.parse("1234567890"),
                                Secret.of(SecretValues.secret("app-secret-coexist-5f4dcc3b")),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(60)),
                        Clock.systemUTC())
                .appData();
    }

    @Test
    void the_contacts_are_asked_for_with_metas_sync_type_and_the_accounts_token_and_metas_request_id_comes_back() {
        GRAPH.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"messaging_product\": \"whatsapp\", \"request_id\": \"8412954012345678\"}")));

        String requestId = meta().requestSync(PHONE, AppDataSync.Kind.CONTACTS, TOKEN);

        assertThat(requestId).isEqualTo("8412954012345678");
        GRAPH.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withRequestBody(
                        equalToJson("{\"messaging_product\": \"whatsapp\", \"sync_type\": \"smb_app_state_sync\"}")));
    }

    @Test
    void the_history_is_asked_for_with_its_own_sync_type() {
        GRAPH.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"messaging_product\": \"whatsapp\", \"request_id\": \"8412954012345679\"}")));

        assertThat(meta().requestSync(PHONE, AppDataSync.Kind.HISTORY, TOKEN)).isEqualTo("8412954012345679");
        GRAPH.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson("{\"messaging_product\": \"whatsapp\", \"sync_type\": \"history\"}")));
    }

    @Test
    void metas_refusal_keeps_metas_words_and_never_the_token() {
        GRAPH.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#100) Invalid parameter " + TOKEN.reveal()
                                + "\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"AbCdEf123\"}}")));

        MetaFailure failure = failureOf(() -> meta().requestSync(PHONE, AppDataSync.Kind.CONTACTS, TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.message()).startsWith("(#100) Invalid parameter").doesNotContain(TOKEN.reveal());
        assertThat(failure.fbtraceId()).isEqualTo("AbCdEf123");
    }

    @Test
    void a_server_error_and_an_answer_without_a_request_id_are_failures_to_retry() {
        GRAPH.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        assertThat(failureOf(() -> meta().requestSync(PHONE, AppDataSync.Kind.CONTACTS, TOKEN))
                        .kind())
                .isEqualTo(Kind.META_UNAVAILABLE);

        GRAPH.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"messaging_product\": \"whatsapp\"}")));
        MetaFailure noId = failureOf(() -> meta().requestSync(PHONE, AppDataSync.Kind.CONTACTS, TOKEN));
        assertThat(noId.kind()).isEqualTo(Kind.META_UNAVAILABLE);
        assertThat(noId.message()).contains("request_id");
    }
}
