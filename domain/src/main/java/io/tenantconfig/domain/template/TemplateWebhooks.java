package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Meta's four template webhooks mean for a template of the catalogue, read from the
 * change's scalars by dotted path (as the webhook intake flattens them). Meta's references:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update/
 * and the pages beside it for {@code message_template_quality_update},
 * {@code template_category_update} and {@code message_template_components_update}.
 */
public final class TemplateWebhooks {

    public static final String STATUS_UPDATE = "message_template_status_update";
    public static final String QUALITY_UPDATE = "message_template_quality_update";
    public static final String CATEGORY_UPDATE = "template_category_update";
    public static final String COMPONENTS_UPDATE = "message_template_components_update";

    public static final Set<String> FIELDS = Set.of(STATUS_UPDATE, QUALITY_UPDATE, CATEGORY_UPDATE, COMPONENTS_UPDATE);

    /** Status events that bring a template back into use. */
    private static final Set<String> BACK_IN_USE = Set.of("REINSTATED", "UNARCHIVED", "UNPAUSED");
    /** Status events that say something about a template without changing its status. */
    private static final Set<String> NOT_A_STATUS = Set.of("FLAGGED", "LOCKED", "UNLOCKED");

    private TemplateWebhooks() {}

    /** The template the change is about: its name and language (Meta writes {@code en-US} here, {@code en_US} elsewhere). */
    public static Optional<Template.Key> about(Map<String, String> facts) {
        try {
            String language = facts.get("message_template_language");
            return Optional.of(new Template.Key(
                    TemplateName.parse(facts.get("message_template_name")),
                    TemplateLanguage.parse(language == null ? null : language.replace('-', '_'))));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /**
     * The template after the change; empty when the change leaves it as it is, or is about a
     * template the catalogue does not hold yet ({@code before} null) and does not say enough to
     * hold it: only a status update does (its status, category and Meta's id; its components are
     * known once the account's catalogue is read again).
     */
    public static Optional<Template> after(Template before, String field, Map<String, String> facts) {
        try {
            return switch (field) {
                case STATUS_UPDATE -> status(before, facts);
                case QUALITY_UPDATE ->
                    before == null
                            ? Optional.empty()
                            : text(facts, "new_quality_score").map(q -> before.withQuality(TemplateQuality.parse(q)));
                case CATEGORY_UPDATE ->
                    before == null
                            ? Optional.empty()
                            : text(facts, "new_category").map(c -> before.withCategory(TemplateCategory.parse(c)));
                case COMPONENTS_UPDATE -> before == null ? Optional.empty() : Optional.of(components(before, facts));
                default -> Optional.empty();
            };
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /** Whether the account's catalogue should be read again soon after the change: what it left unknown. */
    public static boolean leavesUnknown(Template before, String field) {
        return before == null || COMPONENTS_UPDATE.equals(field);
    }

    private static Optional<Template> status(Template before, Map<String, String> facts) {
        Optional<String> event = text(facts, "event");
        if (event.isEmpty() || NOT_A_STATUS.contains(event.get())) {
            return Optional.empty();
        }
        TemplateStatus status =
                BACK_IN_USE.contains(event.get()) ? TemplateStatus.APPROVED : TemplateStatus.parse(event.get());
        String reason = facts.get("reason");
        if (before != null) {
            return Optional.of(before.withStatus(status, status.equals(TemplateStatus.REJECTED) ? reason : null));
        }
        Template.Key key = about(facts).orElseThrow(() -> new InvalidValueException("names no template"));
        return Optional.of(new Template(
                text(facts, "message_template_id")
                        .flatMap(TemplateWebhooks::metaId)
                        .orElse(null),
                key.name(),
                key.language(),
                status,
                text(facts, "message_template_category")
                        .map(TemplateWebhooks::category)
                        .orElse(null),
                null,
                status.equals(TemplateStatus.REJECTED) ? reason : null,
                List.of()));
    }

    /**
     * The parameters Meta's components update names: the header's ({@code message_template_title}),
     * the body's ({@code message_template_element}) and each button's URL; a component the update
     * does not name keeps its count.
     */
    private static Template components(Template before, Map<String, String> facts) {
        List<TemplateComponent> after = new ArrayList<>();
        List<TemplateComponent> buttons = new ArrayList<>();
        for (int i = 0; facts.containsKey("message_template_buttons." + i + ".message_template_button_type"); i++) {
            String prefix = "message_template_buttons." + i + ".";
            String type = facts.get(prefix + "message_template_button_type");
            int parameters = "COPY_CODE".equals(type) || "OTP".equals(type)
                    ? 1
                    : TemplateParameters.in(facts.get(prefix + "message_template_button_url"));
            buttons.add(TemplateComponent.button(i, type, parameters));
        }
        for (TemplateComponent component : before.components()) {
            switch (component.type()) {
                case TemplateComponent.HEADER ->
                    after.add(
                            facts.containsKey("message_template_title") && "TEXT".equals(component.subType())
                                    ? TemplateComponent.header(
                                            "TEXT", TemplateParameters.in(facts.get("message_template_title")))
                                    : component);
                case TemplateComponent.BODY ->
                    after.add(
                            facts.containsKey("message_template_element")
                                    ? TemplateComponent.body(
                                            TemplateParameters.in(facts.get("message_template_element")))
                                    : component);
                case TemplateComponent.BUTTON -> {
                    if (buttons.isEmpty()) {
                        after.add(component);
                    }
                }
                default -> after.add(component);
            }
        }
        after.addAll(buttons);
        return before.withComponents(after);
    }

    private static Optional<String> text(Map<String, String> facts, String path) {
        String value = facts.get(path);
        return value == null || value.isBlank() || "null".equals(value) ? Optional.empty() : Optional.of(value);
    }

    private static TemplateCategory category(String value) {
        try {
            return TemplateCategory.parse(value);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static Optional<MetaId> metaId(String value) {
        try {
            return Optional.of(MetaId.parse(value));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
