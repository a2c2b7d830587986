package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.template.DraftComponent;
import io.tenantconfig.domain.template.ParameterFormat;
import io.tenantconfig.domain.template.TemplateButton;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateDraft;
import io.tenantconfig.domain.template.TemplateDraftRules;
import io.tenantconfig.domain.template.TemplateExample;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /config/templates}: a template as Meta's {@code POST
 * /{waba_id}/message_templates} takes it (name, language, category, components, and optionally
 * parameter_format and allow_category_change). Read strictly: a field Meta's body does not have is
 * refused, and so is anything {@link TemplateDraftRules} says Meta would refuse, each by field.
 */
@BodyFields(
        of = "a message template",
        readOnly = {"id", "status", "quality_score", "rejected_reason"})
record TemplateRequest(
        @JsonProperty("name") String name,
        @JsonProperty("language") String language,
        @JsonProperty("category") String category,
        @JsonProperty("parameter_format") String parameterFormat,
        @JsonProperty("allow_category_change") Boolean allowCategoryChange,
        @JsonProperty("components") List<Component> components) {

    @BodyFields(of = "a template component")
    record Component(
            @JsonProperty("type") String type,
            @JsonProperty("format") String format,
            @JsonProperty("text") String text,
            @JsonProperty("example") Example example,
            @JsonProperty("buttons") List<Button> buttons,
            @JsonProperty("add_security_recommendation") Boolean addSecurityRecommendation,
            @JsonProperty("code_expiration_minutes") Integer codeExpirationMinutes) {}

    @BodyFields(of = "a template component's example")
    record Example(
            @JsonProperty("header_text") List<String> headerText,
            @JsonProperty("body_text") List<List<String>> bodyText,
            @JsonProperty("header_handle") List<String> headerHandle,
            @JsonProperty("header_text_named_params") List<NamedParam> headerTextNamedParams,
            @JsonProperty("body_text_named_params") List<NamedParam> bodyTextNamedParams) {}

    @BodyFields(of = "a named parameter's example")
    record NamedParam(
            @JsonProperty("param_name") String paramName,
            @JsonProperty("example") String example) {}

    @BodyFields(of = "a template button")
    record Button(
            @JsonProperty("type") String type,
            @JsonProperty("text") String text,
            @JsonProperty("url") String url,
            @JsonProperty("phone_number") String phoneNumber,
            @JsonProperty("example") List<String> example,
            @JsonProperty("otp_type") String otpType) {}

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every field Meta would refuse */
    TemplateDraft toDraft() {
        FieldErrors errors = new FieldErrors();
        TemplateName templateName = errors.required("name", name, TemplateName::parse);
        TemplateLanguage templateLanguage = errors.required("language", language, TemplateLanguage::parse);
        TemplateCategory templateCategory = errors.required("category", category, TemplateCategory::parse);
        ParameterFormat format = parameterFormat == null
                ? ParameterFormat.POSITIONAL
                : errors.optional("parameter_format", parameterFormat, ParameterFormat::parse);
        List<DraftComponent> read = new ArrayList<>();
        if (components == null) {
            errors.add("components", "components is required: at least the BODY");
        } else {
            for (int i = 0; i < components.size(); i++) {
                DraftComponent component = component(errors, "components[" + i + "]", components.get(i));
                if (component != null) {
                    read.add(component);
                }
            }
        }
        errors.throwIfAny();
        TemplateDraft draft =
                new TemplateDraft(templateName, templateLanguage, templateCategory, format, allowCategoryChange, read);
        TemplateDraftRules.problems(draft).forEach(problem -> errors.add(problem.field(), problem.message()));
        errors.throwIfAny();
        return draft;
    }

    private static DraftComponent component(FieldErrors errors, String at, Component given) {
        if (given == null) {
            errors.add(at, at + " must be a component object");
            return null;
        }
        DraftComponent.Type type = errors.required(at + ".type", given.type(), DraftComponent.Type::parse);
        DraftComponent.HeaderFormat headerFormat =
                errors.optional(at + ".format", given.format(), DraftComponent.HeaderFormat::parse);
        List<TemplateButton> buttons = null;
        if (given.buttons() != null) {
            buttons = new ArrayList<>();
            for (int j = 0; j < given.buttons().size(); j++) {
                String field = at + ".buttons[" + j + "]";
                Button button = given.buttons().get(j);
                if (button == null) {
                    errors.add(field, field + " must be a button object");
                    continue;
                }
                TemplateButton.Kind kind = errors.required(field + ".type", button.type(), TemplateButton.Kind::parse);
                if (kind != null) {
                    buttons.add(new TemplateButton(
                            kind,
                            button.text(),
                            button.url(),
                            button.phoneNumber(),
                            button.example(),
                            button.otpType()));
                }
            }
        }
        if (type == null) {
            return null;
        }
        return new DraftComponent(
                type,
                headerFormat,
                given.text(),
                example(errors, at + ".example", given.example()),
                buttons,
                given.addSecurityRecommendation(),
                given.codeExpirationMinutes());
    }

    private static TemplateExample example(FieldErrors errors, String at, Example given) {
        if (given == null) {
            return null;
        }
        if (given.bodyText() != null && given.bodyText().stream().anyMatch(row -> row == null)) {
            errors.add(at + ".body_text", "body_text must be a list holding one list of samples");
        }
        return new TemplateExample(
                given.headerText(),
                given.bodyText() == null
                        ? null
                        : given.bodyText().stream().filter(row -> row != null).toList(),
                given.headerHandle(),
                named(given.headerTextNamedParams()),
                named(given.bodyTextNamedParams()));
    }

    private static List<TemplateExample.NamedExample> named(List<NamedParam> given) {
        if (given == null) {
            return null;
        }
        return given.stream()
                .map(p -> p == null ? null : new TemplateExample.NamedExample(p.paramName(), p.example()))
                .toList();
    }
}
