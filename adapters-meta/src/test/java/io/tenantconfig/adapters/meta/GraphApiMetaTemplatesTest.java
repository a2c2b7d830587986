package io.tenantconfig.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import io.tenantconfig.application.port.out.MetaTemplates.CreatedTemplate;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.template.DraftComponent;
import io.tenantconfig.domain.template.ParameterFormat;
import io.tenantconfig.domain.template.TemplateButton;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateDraft;
import io.tenantconfig.domain.template.TemplateExample;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Creating and deleting templates against a fake Graph API answering as Meta's "Template
 * management" guide shows
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management/):
 * {@code {"id", "status", "category"}} for a template created, {@code {"success": true}} for one
 * deleted, and Meta's error JSON (its "Message template not found" answer, code 100, subcode
 * 2593002, as published with that guide's delete example).
 */
class GraphApiMetaTemplatesTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Secret TOKEN = Secret.of(SecretValues.secret("EAAG-business-token-templates-77"));
    private static final MetaId WABA = MetaId.parse("102290129340398");
    private static final String TEMPLATES = "/v23.0/" + WABA + "/message_templates";

    private static GraphApiMetaTemplates meta() {
        return new GraphApiMetaTemplates(new GraphApiSettings(
                URI.create(GRAPH.baseUrl()),
                "v23.0",
                MetaId.parse("1234567890"),
                Secret.of(SecretValues.secret("app-secret-templates-3e9a")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60)));
    }

    /** Meta's "Create a template" example: a named-parameter utility template with a URL button. */
    private static TemplateDraft orderConfirmation() {
        return new TemplateDraft(
                TemplateName.parse("order_confirmation"),
                TemplateLanguage.parse("en_US"),
                TemplateCategory.UTILITY,
                ParameterFormat.NAMED,
                true,
                List.of(
                        new DraftComponent(
                                DraftComponent.Type.BODY,
                                null,
                                "Thank you, {{first_name}}! Your order number is {{order_number}}.",
                                new TemplateExample(
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(
                                                new TemplateExample.NamedExample("first_name", "Pablo"),
                                                new TemplateExample.NamedExample("order_number", "860198-230332"))),
                                null,
                                null,
                                null),
                        new DraftComponent(
                                DraftComponent.Type.BUTTONS,
                                null,
                                null,
                                null,
                                List.of(new TemplateButton(
                                        TemplateButton.Kind.URL,
                                        "Track order",
                                        "https://www.luckyshrub.com/orders/{{1}}",
                                        null,
                                        List.of("https://www.luckyshrub.com/orders/860198"),
                                        null)),
                                null,
                                null)));
    }

    @Test
    void a_template_is_created_in_the_account_as_metas_body_and_metas_id_status_and_category_come_back() {
        GRAPH.stubFor(post(urlPathEqualTo(TEMPLATES))
                .willReturn(
                        okJson("{\"id\": \"594425479261596\", \"status\": \"PENDING\", \"category\": \"UTILITY\"}")));

        CreatedTemplate created = meta().create(WABA, orderConfirmation(), TOKEN);

        assertThat(created)
                .isEqualTo(new CreatedTemplate(MetaId.parse("594425479261596"), "PENDING", TemplateCategory.UTILITY));
        GRAPH.verify(postRequestedFor(urlPathEqualTo(TEMPLATES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
                .withRequestBody(equalToJson("""
                        {"name": "order_confirmation", "language": "en_US", "category": "UTILITY",
                         "parameter_format": "NAMED", "allow_category_change": true,
                         "components": [
                           {"type": "BODY",
                            "text": "Thank you, {{first_name}}! Your order number is {{order_number}}.",
                            "example": {"body_text_named_params": [
                              {"param_name": "first_name", "example": "Pablo"},
                              {"param_name": "order_number", "example": "860198-230332"}]}},
                           {"type": "BUTTONS", "buttons": [
                             {"type": "URL", "text": "Track order", "url": "https://www.luckyshrub.com/orders/{{1}}",
                              "example": ["https://www.luckyshrub.com/orders/860198"]}]}]}
                        """)));
    }

    @Test
    void meta_moving_the_template_to_another_category_is_answered_as_meta_says() {
        GRAPH.stubFor(post(urlPathEqualTo(TEMPLATES))
                .willReturn(okJson(
                        "{\"id\": \"594425479261597\", \"status\": \"APPROVED\", \"category\": \"MARKETING\"}")));

        assertThat(meta().create(WABA, orderConfirmation(), TOKEN).category()).isEqualTo(TemplateCategory.MARKETING);
    }

    @Test
    void an_answer_without_an_id_is_metas_failure_not_a_template() {
        GRAPH.stubFor(post(urlPathEqualTo(TEMPLATES)).willReturn(okJson("{\"status\": \"PENDING\"}")));

        MetaFailure failure = failureOf(() -> meta().create(WABA, orderConfirmation(), TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }

    @Test
    void metas_refusal_of_a_template_comes_back_in_metas_words_without_the_token() {
        GRAPH.stubFor(post(urlPathEqualTo(TEMPLATES))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Invalid parameter\", \"type\": \"OAuthException\","
                                + " \"code\": 100, \"error_subcode\": 2388024, \"is_transient\": false,"
                                + " \"error_user_title\": \"Content in this language already exists\","
                                + " \"error_user_msg\": \"There is already English content for this template.\","
                                + " \"fbtrace_id\": \"AzxqRk7-Mh2bHoB8xV0tq3c\"}}")));

        MetaFailure failure = failureOf(() -> meta().create(WABA, orderConfirmation(), TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.code()).isEqualTo(100);
        assertThat(failure.subcode()).isEqualTo(2388024);
        assertThat(failure.fbtraceId()).isEqualTo("AzxqRk7-Mh2bHoB8xV0tq3c");
        assertThat(failure.message()).doesNotContain(TOKEN.reveal());
    }

    @Test
    void a_template_is_deleted_by_name_in_every_language() {
        GRAPH.stubFor(delete(urlPathEqualTo(TEMPLATES)).willReturn(okJson("{\"success\": true}")));

        meta().delete(WABA, TemplateName.parse("order_confirmation"), null, TOKEN);

        GRAPH.verify(deleteRequestedFor(urlPathEqualTo(TEMPLATES))
                .withQueryParam("name", equalTo("order_confirmation"))
                .withoutQueryParam("hsm_id")
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal())));
    }

    @Test
    void one_language_is_deleted_by_its_hsm_id_with_the_name() {
        GRAPH.stubFor(delete(urlPathEqualTo(TEMPLATES)).willReturn(okJson("{\"success\": true}")));

        meta().delete(WABA, TemplateName.parse("order_confirmation"), MetaId.parse("1407680676729941"), TOKEN);

        GRAPH.verify(deleteRequestedFor(urlPathEqualTo(TEMPLATES))
                .withQueryParam("name", equalTo("order_confirmation"))
                .withQueryParam("hsm_id", equalTo("1407680676729941")));
    }

    @Test
    void a_template_meta_does_not_have_is_metas_refusal_in_its_own_words() {
        GRAPH.stubFor(delete(urlPathEqualTo(TEMPLATES))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Invalid parameter\", \"type\": \"OAuthException\","
                                + " \"code\": 100, \"error_subcode\": 2593002, \"is_transient\": false,"
                                + " \"error_user_title\": \"Message template not found\","
                                + " \"error_user_msg\": \"The message template order_confirmation wasn't found for"
                                + " this account.\", \"fbtrace_id\": \"A1b2C3d4\"}}")));

        MetaFailure failure =
                failureOf(() -> meta().delete(WABA, TemplateName.parse("order_confirmation"), null, TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.subcode()).isEqualTo(2593002);
        assertThat(failure.message())
                .isEqualTo("Invalid parameter (Message template not found: The message template order_confirmation"
                        + " wasn't found for this account.)");
    }

    @Test
    void meta_answering_anything_but_success_to_a_delete_is_a_failure() {
        GRAPH.stubFor(delete(urlPathEqualTo(TEMPLATES)).willReturn(okJson("{\"success\": false}")));

        MetaFailure failure =
                failureOf(() -> meta().delete(WABA, TemplateName.parse("order_confirmation"), null, TOKEN));

        assertThat(failure.kind()).isEqualTo(Kind.META_UNAVAILABLE);
    }
}
