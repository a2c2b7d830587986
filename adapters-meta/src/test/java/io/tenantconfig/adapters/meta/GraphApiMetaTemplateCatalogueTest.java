package io.tenantconfig.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import io.tenantconfig.application.port.out.MetaTemplateCatalogue;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateComponent;
import io.tenantconfig.domain.template.TemplateQuality;
import io.tenantconfig.domain.template.TemplateStatus;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading an account's templates from a fake Graph API answering with the sample response of
 * Meta's reference (https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/,
 * "Sample Response", and the template fields of
 * https://developers.facebook.com/docs/graph-api/reference/whats-app-business-hsm), over several pages, and with worse.
 */
class GraphApiMetaTemplateCatalogueTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Secret TOKEN = Secret.of(SecretValues.secret("EAAG-business-token-templates-7"));
    private static final MetaId WABA = MetaId.parse("102290129340398");
    private static final String PATH = "/v23.0/102290129340398/message_templates";

    /** Meta's sample response, its "..." filled with a quality score and a rejected template. */
    private static final String METAS_SAMPLE = """
        {
          "data": [
            {
              "name": "order_delivery_update",
              "components": [
                {"type": "HEADER", "format": "LOCATION"},
                {"type": "BODY",
                 "text": "Good news {{1}}! Your order #{{2}} is on its way to the location above. Thank you for your order!",
                 "example": {"body_text": [["Mark", "566701"]]}},
                {"type": "FOOTER", "text": "To stop receiving delivery updates, tap the button below."},
                {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Stop Delivery Updates"}]}
              ],
              "language": "en_US",
              "status": "APPROVED",
              "category": "UTILITY",
              "quality_score": {"score": "GREEN", "date": 1700000000},
              "id": "1667192013751005"
            },
            {
              "name": "shiptest",
              "components": [{"type": "BODY", "text": "testing"}],
              "language": "en_US",
              "status": "REJECTED",
              "category": "TRANSACTIONAL",
              "rejected_reason": "INVALID_FORMAT",
              "id": "1667192013751006"
            }
          ],
          "paging": {"cursors": {"before": "MAZDZD", "after": "MjQZD"}}
        }
        """;

    private static MetaTemplateCatalogue meta() {
        return new MetaAdapters(
                        new GraphApiSettings(
                                URI.create(GRAPH.baseUrl()),
                                "v23.0",
                                MetaId.parse("1234567890"),
                                Secret.of(SecretValues.secret("app-secret-templates-5f4dcc3b")),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(60)),
                        Clock.systemUTC())
                .templateCatalogue();
    }

    @Test
    void metas_sample_answer_becomes_templates_with_their_status_category_quality_and_parameter_counts() {
        GRAPH.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(METAS_SAMPLE)));

        MetaTemplateCatalogue.Read read = meta().templates(WABA, TOKEN);

        assertThat(read.unreadable()).isZero();
        Template delivery = read.templates().get(0);
        assertThat(delivery.name().value()).isEqualTo("order_delivery_update");
        assertThat(delivery.language().value()).isEqualTo("en_US");
        assertThat(delivery.metaId()).isEqualTo(MetaId.parse("1667192013751005"));
        assertThat(delivery.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(delivery.category()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(delivery.quality()).isEqualTo(TemplateQuality.parse("GREEN"));
        assertThat(delivery.components())
                .containsExactly(
                        TemplateComponent.header("LOCATION", 1),
                        TemplateComponent.body(2),
                        new TemplateComponent(TemplateComponent.FOOTER, null, null, 0),
                        TemplateComponent.button(0, "QUICK_REPLY", 0));
        Template rejected = read.templates().get(1);
        assertThat(rejected.status()).isEqualTo(TemplateStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("INVALID_FORMAT");
        assertThat(rejected.category())
                .as("a category from before Meta's three")
                .isNull();
        assertThat(rejected.quality()).isNull();
        GRAPH.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withQueryParam("fields", equalTo(GraphApiMetaTemplateCatalogue.FIELDS))
                .withQueryParam("after", absent()));
    }

    @Test
    void every_page_is_read_following_metas_after_cursor_until_meta_gives_no_next_page() {
        GRAPH.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("after", absent())
                .willReturn(okJson(page(0, 100, "QVFIUmFnZA1", true))));
        GRAPH.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("after", equalTo("QVFIUmFnZA1"))
                .willReturn(okJson(page(100, 100, "QVFIUmFnZA2", true))));
        GRAPH.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("after", equalTo("QVFIUmFnZA2"))
                .willReturn(okJson(page(200, 37, "QVFIUmFnZA3", false))));

        MetaTemplateCatalogue.Read read = meta().templates(WABA, TOKEN);

        assertThat(read.templates()).hasSize(237);
        assertThat(read.templates().get(236).name().value()).isEqualTo("template_236");
        GRAPH.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void a_status_meta_added_since_is_kept_and_a_template_named_unlike_metas_is_left_out_and_counted() {
        GRAPH.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                        {"data": [
                          {"name": "welcome", "language": "en", "status": "BRAND_NEW_STATUS",
                           "category": "MARKETING", "id": "1", "components": [
                             {"type": "HEADER", "format": "TEXT", "text": "Hi {{name}}"},
                             {"type": "BODY", "text": "{{1}} and {{2}} and {{1}} again"},
                             {"type": "BUTTONS", "buttons": [
                               {"type": "URL", "text": "Track", "url": "https://example.com/track/{{1}}"},
                               {"type": "COPY_CODE", "example": "SAVE10"}]}]},
                          {"name": "Not A Meta Name", "language": "en", "status": "APPROVED", "id": "2"}
                        ]}""")));

        MetaTemplateCatalogue.Read read = meta().templates(WABA, TOKEN);

        assertThat(read.unreadable()).isEqualTo(1);
        Template welcome = read.templates().get(0);
        assertThat(welcome.status().value()).isEqualTo("BRAND_NEW_STATUS");
        assertThat(welcome.status().known()).isFalse();
        assertThat(welcome.components())
                .containsExactly(
                        TemplateComponent.header("TEXT", 1),
                        TemplateComponent.body(2),
                        TemplateComponent.button(0, "URL", 1),
                        TemplateComponent.button(1, "COPY_CODE", 1));
    }

    @Test
    void a_failure_on_a_later_page_fails_the_whole_read_with_metas_words_and_never_the_token() {
        GRAPH.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("after", absent())
                .willReturn(okJson(page(0, 100, "QVFIUmFnZA1", true))));
        GRAPH.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("after", equalTo("QVFIUmFnZA1"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#80008) There have been too many calls to this"
                                + " WhatsApp Business account " + TOKEN.reveal()
                                + "\",\"type\":\"OAuthException\",\"code\":80008,\"fbtrace_id\":\"AbCdEf123\"}}")));

        MetaFailure failure = failureOf(() -> meta().templates(WABA, TOKEN));

        assertThat(failure.message()).contains("too many calls").doesNotContain(TOKEN.reveal());
    }

    @Test
    void meta_down_and_an_answer_without_a_data_list_are_failures() {
        GRAPH.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertThat(failureOf(() -> meta().templates(WABA, TOKEN)).kind()).isEqualTo(Kind.META_UNAVAILABLE);

        GRAPH.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"paging\": {}}")));
        assertThat(failureOf(() -> meta().templates(WABA, TOKEN)).message()).contains("data");
    }

    /** A page of {@code count} approved templates from {@code first}, shaped as Meta's, with a next page or not. */
    private static String page(int first, int count, String after, boolean more) {
        String data = IntStream.range(first, first + count)
                .mapToObj(i -> "{\"name\": \"template_" + i + "\", \"language\": \"en_US\", \"status\": \"APPROVED\","
                        + " \"category\": \"UTILITY\", \"id\": \"" + (1_000_000 + i) + "\","
                        + " \"components\": [{\"type\": \"BODY\", \"text\": \"Hello {{1}}\"}]}")
                .collect(Collectors.joining(",", "[", "]"));
        String next = more
                ? ", \"next\": \"https://graph.facebook.com/v23.0/102290129340398/message_templates?after=" + after
                        + "\""
                : "";
        return "{\"data\": " + data + ", \"paging\": {\"cursors\": {\"before\": \"MAZDZD\", \"after\": \"" + after
                + "\"}" + next + "}}";
    }
}
