package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.application.port.out.MetaTemplateCatalogue;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateComponent;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateParameters;
import io.tenantconfig.domain.template.TemplateQuality;
import io.tenantconfig.domain.template.TemplateStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MetaTemplateCatalogue} over Meta's Graph API: {@code GET /{waba_id}/message_templates}
 * with the fields the catalogue keeps, a page of {@value #PAGE_SIZE} at a time, following
 * {@code paging.cursors.after} for as long as Meta gives a {@code paging.next} (Meta's reference,
 * "WhatsApp Business Account Message Templates"). The cursor is sent back as a query parameter
 * rather than following Meta's {@code next} URL, so every call goes to the configured Graph
 * address and version. Not retried here: the schedule tries again.
 */
final class GraphApiMetaTemplateCatalogue implements MetaTemplateCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(GraphApiMetaTemplateCatalogue.class);

    static final String FIELDS = "id,name,language,status,category,components,quality_score,rejected_reason";
    static final int PAGE_SIZE = 100;
    /** A guard against a Graph that never stops paging: 100,000 templates, far above Meta's per-account limit. */
    static final int MOST_PAGES = 1_000;

    /** Header formats whose one parameter is the media or the location the message gives. */
    private static final Set<String> MEDIA_HEADERS = Set.of("IMAGE", "VIDEO", "DOCUMENT", "LOCATION");
    /** Button types whose one parameter is the code the message gives. */
    private static final Set<String> CODE_BUTTONS = Set.of("COPY_CODE", "OTP");

    private final GraphClient graph;

    GraphApiMetaTemplateCatalogue(GraphApiSettings settings) {
        this.graph = new GraphClient(settings);
    }

    @Override
    public Read templates(MetaId wabaId, Secret token) {
        String path = wabaId.value() + "/message_templates";
        List<Template> templates = new ArrayList<>();
        int unreadable = 0;
        String after = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("fields", FIELDS);
            query.put("limit", Integer.toString(PAGE_SIZE));
            if (after != null) {
                query.put("after", after);
            }
            JsonNode answer = graph.send("GET", path, query, token.reveal(), null, new Redactor(token.reveal()));
            if (!answer.path("data").isArray()) {
                throw graph.unreadable(path, "no data list in Meta's answer");
            }
            for (JsonNode node : answer.path("data")) {
                try {
                    templates.add(template(node));
                } catch (InvalidValueException | NullPointerException e) {
                    unreadable++;
                }
            }
            JsonNode paging = answer.path("paging");
            String next = paging.path("cursors").path("after").asText("");
            if (!paging.hasNonNull("next") || next.isEmpty()) {
                if (unreadable > 0) {
                    LOG.warn(
                            "Left out {} of account {}'s templates that Meta described unreadably", unreadable, wabaId);
                }
                return new Read(templates, unreadable);
            }
            after = next;
        }
        throw graph.unreadable(path, "Meta's answer went on for more than " + MOST_PAGES + " pages");
    }

    /** One of Meta's templates; an unknown status or category is kept or left blank, never a failure. */
    static Template template(JsonNode node) {
        return new Template(
                metaId(node.path("id").asText("")),
                TemplateName.parse(node.path("name").asText(null)),
                TemplateLanguage.parse(node.path("language").asText(null)),
                TemplateStatus.parse(node.path("status").asText(null)),
                category(node.path("category").asText("")),
                node.path("quality_score").hasNonNull("score")
                        ? TemplateQuality.parse(
                                node.path("quality_score").path("score").asText())
                        : null,
                node.path("rejected_reason").asText(null),
                components(node.path("components")));
    }

    /** The parameters each component takes, buttons one by one, in Meta's order. */
    static List<TemplateComponent> components(JsonNode components) {
        List<TemplateComponent> found = new ArrayList<>();
        for (JsonNode component : components) {
            String type = component.path("type").asText("").toUpperCase(java.util.Locale.ROOT);
            switch (type) {
                case "HEADER" -> {
                    String format = component.path("format").asText("TEXT");
                    int parameters = MEDIA_HEADERS.contains(format)
                            ? 1
                            : TemplateParameters.in(component.path("text").asText(null));
                    found.add(TemplateComponent.header(format, parameters));
                }
                case "BODY" ->
                    found.add(TemplateComponent.body(
                            TemplateParameters.in(component.path("text").asText(null))));
                case "FOOTER" -> found.add(new TemplateComponent(TemplateComponent.FOOTER, null, null, 0));
                case "BUTTONS" -> {
                    int index = 0;
                    for (JsonNode button : component.path("buttons")) {
                        String buttonType = button.path("type").asText("");
                        int parameters = CODE_BUTTONS.contains(buttonType)
                                ? 1
                                : TemplateParameters.in(button.path("url").asText(null));
                        found.add(TemplateComponent.button(index++, buttonType, parameters));
                    }
                }
                case "" -> {
                    // Not a component Meta describes: nothing to fill in.
                }
                default ->
                    found.add(new TemplateComponent(
                            type,
                            null,
                            null,
                            TemplateParameters.in(component.path("text").asText(null))));
            }
        }
        return found;
    }

    private static TemplateCategory category(String value) {
        try {
            return TemplateCategory.parse(value);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static MetaId metaId(String value) {
        try {
            return MetaId.parse(value);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
