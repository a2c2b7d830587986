package io.tenantconfig.domain.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.domain.template.DraftComponent.HeaderFormat;
import io.tenantconfig.domain.template.DraftComponent.Type;
import io.tenantconfig.domain.template.TemplateButton.Kind;
import io.tenantconfig.domain.template.TemplateExample.NamedExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Meta would refuse in a template, by field, before Meta is asked. The templates Meta would
 * take are Meta's own examples: "Template management"
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management/)
 * and "Template components"
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components).
 */
class TemplateDraftRulesTest {

    private static TemplateDraft draft(TemplateCategory category, ParameterFormat format, DraftComponent... parts) {
        return new TemplateDraft(
                TemplateName.parse("sample"), TemplateLanguage.parse("en_US"), category, format, null, List.of(parts));
    }

    private static DraftComponent body(String text, TemplateExample example) {
        return new DraftComponent(Type.BODY, null, text, example, null, null, null);
    }

    private static TemplateExample bodySamples(String... samples) {
        return new TemplateExample(null, List.of(List.of(samples)), null, null, null);
    }

    private static DraftComponent buttons(TemplateButton... buttons) {
        return new DraftComponent(Type.BUTTONS, null, null, null, List.of(buttons), null, null);
    }

    private static TemplateButton quickReply(String text) {
        return new TemplateButton(Kind.QUICK_REPLY, text, null, null, null, null);
    }

    private static TemplateButton url(String text, String url, List<String> example) {
        return new TemplateButton(Kind.URL, text, url, null, example, null);
    }

    private static List<String> fieldsAtFault(TemplateDraft draft) {
        return TemplateDraftRules.problems(draft).stream()
                .map(DraftProblem::field)
                .toList();
    }

    @Test
    void metas_named_reservation_confirmation_example_is_taken() {
        TemplateDraft reservation = draft(
                TemplateCategory.UTILITY,
                ParameterFormat.NAMED,
                new DraftComponent(
                        Type.HEADER,
                        HeaderFormat.IMAGE,
                        null,
                        new TemplateExample(null, null, List.of("4::aW1hZ2UvanBlZw==:ARb..."), null, null),
                        null,
                        null,
                        null),
                body(
                        "*You're all set!*\n\nYour reservation for {{number_of_guests}} at Lucky Shrub Eatery on"
                                + " {{day}}, {{date}}, at {{time}}, is confirmed. See you then!",
                        new TemplateExample(
                                null,
                                null,
                                null,
                                null,
                                List.of(
                                        new NamedExample("number_of_guests", "4"),
                                        new NamedExample("day", "Saturday"),
                                        new NamedExample("date", "August 30th, 2025"),
                                        new NamedExample("time", "7:30 pm")))),
                DraftComponent.text(Type.FOOTER, "Lucky Shrub Eatery: The Luckiest Eatery in Town!"),
                buttons(
                        url("Change reservation", "https://www.luckyshrubeater.com/reservations", null),
                        new TemplateButton(Kind.PHONE_NUMBER, "Call us", null, "+16467043595", null, null),
                        quickReply("Cancel reservation")));

        assertThat(TemplateDraftRules.problems(reservation)).isEmpty();
    }

    @Test
    void metas_positional_coupon_reminder_example_is_taken() {
        TemplateDraft coupon = draft(
                TemplateCategory.MARKETING,
                ParameterFormat.POSITIONAL,
                new DraftComponent(
                        Type.HEADER,
                        HeaderFormat.TEXT,
                        "Act fast, {{1}}!",
                        new TemplateExample(List.of("Pablo"), null, null, null, null),
                        null,
                        null,
                        null),
                body(
                        "Just a quick reminder—your exclusive coupon code, {{1}}, *expires in only {{2}} days!* Don't"
                                + " miss out on our special deals. Use your code at checkout before it's too late.\n\n"
                                + "Happy shopping! 😃",
                        bodySamples("SUMMER20", "10")),
                DraftComponent.text(Type.FOOTER, "Lucky Shrub Succulents"),
                buttons(url("See deals", "https://www.luckyshrub.com/deals", null), quickReply("Unsubscribe")));

        assertThat(TemplateDraftRules.problems(coupon)).isEmpty();
    }

    @Test
    void a_template_needs_one_body_and_has_at_most_one_of_each_component() {
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        DraftComponent.text(Type.FOOTER, "Thanks"),
                        DraftComponent.text(Type.FOOTER, "Thanks again"))))
                .containsExactly("components[1].type", "components");
        assertThat(fieldsAtFault(draft(TemplateCategory.UTILITY, ParameterFormat.POSITIONAL)))
                .containsExactly("components");
    }

    @Test
    void texts_longer_than_meta_allows_are_refused_by_component() {
        TemplateDraft tooLong = draft(
                TemplateCategory.MARKETING,
                ParameterFormat.POSITIONAL,
                DraftComponent.text(Type.HEADER, "h".repeat(61)),
                body("b".repeat(1025), null),
                DraftComponent.text(Type.FOOTER, "f".repeat(61)));

        assertThat(TemplateDraftRules.problems(tooLong))
                .extracting(DraftProblem::field, DraftProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("components[0].text", "text must be at most 60 characters"),
                        org.assertj.core.groups.Tuple.tuple(
                                "components[1].text", "text must be at most 1024 characters"),
                        org.assertj.core.groups.Tuple.tuple(
                                "components[2].text", "text must be at most 60 characters"));
    }

    @Test
    void every_parameter_needs_a_sample_and_positional_ones_go_in_order() {
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        body("Hello {{1}}, your order {{2}} has shipped.", bodySamples("Pablo")))))
                .containsExactly("components[0].example.body_text");
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        body("Hello {{2}}, your order {{1}} has shipped.", bodySamples("a", "b")))))
                .containsExactly("components[0].text");
        assertThat(TemplateDraftRules.problems(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        body("Hello {{first_name}}, thanks.", bodySamples("Pablo")))))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("parameter_format NAMED"));
    }

    @Test
    void named_parameters_need_one_sample_each_by_name() {
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.NAMED,
                        body(
                                "Thank you, {{customer_name}}! Your order number is {{order_number}}.",
                                new TemplateExample(
                                        null, null, null, null, List.of(new NamedExample("customer_name", "Pablo")))))))
                .containsExactly("components[0].example.body_text_named_params");
    }

    @Test
    void a_parameter_may_not_start_or_end_the_body() {
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        body("{{1}} is your order", bodySamples("12345")))))
                .containsExactly("components[0].text");
    }

    @Test
    void a_text_header_holds_one_parameter_and_a_media_header_a_sample_file() {
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL,
                        new DraftComponent(
                                Type.HEADER,
                                HeaderFormat.TEXT,
                                "{{1}} and {{2}}",
                                new TemplateExample(List.of("a", "b"), null, null, null, null),
                                null,
                                null,
                                null),
                        body("Hi there.", null))))
                .containsExactly("components[0].text");
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL,
                        new DraftComponent(Type.HEADER, HeaderFormat.VIDEO, null, null, null, null, null),
                        body("Hi there.", null))))
                .containsExactly("components[0].example.header_handle");
    }

    @Test
    void buttons_are_held_to_metas_counts_and_kinds() {
        List<TemplateButton> eleven = new ArrayList<>(Collections.nCopies(11, quickReply("Yes")));
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL,
                        body("Pick one.", null),
                        new DraftComponent(Type.BUTTONS, null, null, null, eleven, null, null))))
                .containsExactly("components[1].buttons");
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL,
                        body("Pick one.", null),
                        buttons(
                                url("One", "https://a.example.com", null),
                                url("Two", "https://b.example.com", null),
                                url("Three", "https://c.example.com", null)))))
                .containsExactly("components[1].buttons[2].type");
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL,
                        body("Pick one.", null),
                        buttons(quickReply("Yes"), url("Shop", "https://a.example.com", null), quickReply("No")))))
                .containsExactly("components[1].buttons[2].type");
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL,
                        body("Pick one.", null),
                        buttons(quickReply("A reply far longer than twenty-five")))))
                .containsExactly("components[1].buttons[0].text");
    }

    @Test
    void a_url_button_takes_one_parameter_at_its_end_with_a_sample() {
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        body("Track it.", null),
                        buttons(url("Track", "https://shop.example.com/track/{{1}}", null)))))
                .containsExactly("components[1].buttons[0].example");
        assertThat(fieldsAtFault(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        body("Track it.", null),
                        buttons(url("Track", "ftp://shop.example.com/track", null)))))
                .containsExactly("components[1].buttons[0].url");
        assertThat(TemplateDraftRules.problems(draft(
                        TemplateCategory.UTILITY,
                        ParameterFormat.POSITIONAL,
                        body("Track it.", null),
                        buttons(url(
                                "Track",
                                "https://shop.example.com/track/{{1}}",
                                List.of("https://shop.example.com/track/A1"))))))
                .isEmpty();
    }

    @Test
    void an_authentication_template_has_metas_fixed_shape() {
        TemplateDraft otp = draft(
                TemplateCategory.AUTHENTICATION,
                ParameterFormat.POSITIONAL,
                new DraftComponent(Type.BODY, null, null, null, null, true, null),
                new DraftComponent(Type.FOOTER, null, null, null, null, null, 10),
                buttons(new TemplateButton(Kind.OTP, "Copy code", null, null, null, "COPY_CODE")));
        assertThat(TemplateDraftRules.problems(otp)).isEmpty();

        assertThat(fieldsAtFault(draft(
                        TemplateCategory.AUTHENTICATION,
                        ParameterFormat.POSITIONAL,
                        body("Your code is {{1}}.", bodySamples("123456")),
                        new DraftComponent(Type.FOOTER, null, null, null, null, null, 91))))
                .containsExactly(
                        "components[0].text",
                        "components[0].example",
                        "components[1].code_expiration_minutes",
                        "components");
    }
}
