package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantconfig.application.port.out.MetaTemplates;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.template.DraftComponent;
import io.tenantconfig.domain.template.TemplateButton;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateDraft;
import io.tenantconfig.domain.template.TemplateExample;
import io.tenantconfig.domain.template.TemplateName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MetaTemplates} over Meta's Graph API, as Meta's "Template management" guide
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management/)
 * shows it: {@code POST /{waba_id}/message_templates} with the template, answered
 * {@code {"id", "status", "category"}}; {@code DELETE /{waba_id}/message_templates?name=}
 * (with {@code hsm_id} for one language), answered {@code {"success": true}}. Not retried here: a
 * create that timed out may have been made, and the caller decides.
 */
final class GraphApiMetaTemplates implements MetaTemplates {

    private final GraphClient graph;

    GraphApiMetaTemplates(GraphApiSettings settings) {
        this.graph = new GraphClient(settings);
    }

    @Override
    public CreatedTemplate create(MetaId wabaId, TemplateDraft draft, Secret token) {
        String path = wabaId.value() + "/message_templates";
        JsonNode answer = graph.send("POST", path, Map.of(), token.reveal(), body(draft), new Redactor(token.reveal()));
        try {
            return new CreatedTemplate(
                    MetaId.parse(answer.path("id").asText(null)),
                    status(answer.path("status").asText(null)),
                    TemplateCategory.parse(
                            answer.path("category").asText(draft.category().name())));
        } catch (InvalidValueException e) {
            throw graph.unreadable(path, "no template id, status or category Meta's documented way in its answer");
        }
    }

    @Override
    public void delete(MetaId wabaId, TemplateName name, MetaId templateId, Secret token) {
        String path = wabaId.value() + "/message_templates";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("name", name.value());
        if (templateId != null) {
            query.put("hsm_id", templateId.value());
        }
        JsonNode answer = graph.send("DELETE", path, query, token.reveal(), null, new Redactor(token.reveal()));
        if (!answer.path("success").asBoolean(false)) {
            throw graph.unreadable(path, "Meta did not answer {\"success\": true}");
        }
    }

    private static String status(String status) {
        if (status == null || !status.matches("[A-Z_]{1,40}")) {
            throw new InvalidValueException("not a status");
        }
        return status;
    }

    /** The draft as Meta's creation body: only what was given, in Meta's names. */
    private ObjectNode body(TemplateDraft draft) {
        ObjectNode body = graph.json()
                .createObjectNode()
                .put("name", draft.name().value())
                .put("language", draft.language().value())
                .put("category", draft.category().name())
                .put("parameter_format", draft.parameterFormat().name());
        if (draft.allowCategoryChange() != null) {
            body.put("allow_category_change", draft.allowCategoryChange());
        }
        ArrayNode components = body.putArray("components");
        for (DraftComponent component : draft.components()) {
            ObjectNode node =
                    components.addObject().put("type", component.type().name());
            if (component.format() != null) {
                node.put("format", component.format().name());
            }
            if (component.text() != null) {
                node.put("text", component.text());
            }
            if (component.addSecurityRecommendation() != null) {
                node.put("add_security_recommendation", component.addSecurityRecommendation());
            }
            if (component.codeExpirationMinutes() != null) {
                node.put("code_expiration_minutes", component.codeExpirationMinutes());
            }
            if (component.example() != null) {
                example(node.putObject("example"), component.example());
            }
            if (component.buttons() != null) {
                ArrayNode buttons = node.putArray("buttons");
                for (TemplateButton button : component.buttons()) {
                    button(buttons.addObject(), button);
                }
            }
        }
        return body;
    }

    private static void example(ObjectNode node, TemplateExample example) {
        strings(node, "header_text", example.headerText());
        strings(node, "header_handle", example.headerHandle());
        if (example.bodyText() != null) {
            ArrayNode rows = node.putArray("body_text");
            example.bodyText().forEach(row -> row.forEach(rows.addArray()::add));
        }
        named(node, "header_text_named_params", example.headerTextNamedParams());
        named(node, "body_text_named_params", example.bodyTextNamedParams());
    }

    private static void button(ObjectNode node, TemplateButton button) {
        node.put("type", button.type().name());
        if (button.text() != null) {
            node.put("text", button.text());
        }
        if (button.url() != null) {
            node.put("url", button.url());
        }
        if (button.phoneNumber() != null) {
            node.put("phone_number", button.phoneNumber());
        }
        if (button.otpType() != null) {
            node.put("otp_type", button.otpType());
        }
        strings(node, "example", button.example());
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void named(ObjectNode node, String field, List<TemplateExample.NamedExample> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(
                    v -> array.addObject().put("param_name", v.paramName()).put("example", v.example()));
        }
    }
}
