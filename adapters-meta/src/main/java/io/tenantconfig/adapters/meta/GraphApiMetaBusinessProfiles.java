package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantconfig.application.port.out.MetaBusinessProfiles;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.profile.BusinessProfile;
import io.tenantconfig.domain.profile.ProfileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link MetaBusinessProfiles} over Meta's Graph API, as Meta's Business Profiles reference
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles) shows it:
 * {@code GET /{phone_number_id}/whatsapp_business_profile?fields=...} answered
 * {@code {"data": [{...}]}}, and {@code POST} of the fields to set with
 * {@code "messaging_product": "whatsapp"}, answered {@code {"success": true}}.
 */
final class GraphApiMetaBusinessProfiles implements MetaBusinessProfiles {

    static final String FIELDS = "about,address,description,email,profile_picture_url,websites,vertical";

    private final GraphClient graph;

    GraphApiMetaBusinessProfiles(GraphApiSettings settings) {
        this.graph = new GraphClient(settings);
    }

    @Override
    public BusinessProfile read(MetaId phoneNumberId, Secret token) {
        String path = phoneNumberId.value() + "/whatsapp_business_profile";
        JsonNode answer =
                graph.send("GET", path, Map.of("fields", FIELDS), token.reveal(), null, new Redactor(token.reveal()));
        JsonNode profile = answer.path("data").path(0);
        if (!profile.isObject()) {
            throw graph.unreadable(path, "no profile in Meta's answer");
        }
        List<String> websites = new ArrayList<>();
        profile.path("websites").forEach(site -> {
            if (site.isTextual()) {
                websites.add(site.asText());
            }
        });
        return new BusinessProfile(
                text(profile, "about"),
                text(profile, "address"),
                text(profile, "description"),
                text(profile, "email"),
                websites,
                text(profile, "vertical"),
                text(profile, "profile_picture_url"));
    }

    @Override
    public void change(MetaId phoneNumberId, ProfileChange change, Secret token) {
        String path = phoneNumberId.value() + "/whatsapp_business_profile";
        ObjectNode body = graph.json().createObjectNode().put("messaging_product", "whatsapp");
        put(body, "about", change.about());
        put(body, "address", change.address());
        put(body, "description", change.description());
        put(body, "email", change.email());
        if (change.websites() != null) {
            ArrayNode websites = body.putArray("websites");
            change.websites().forEach(websites::add);
        }
        if (change.vertical() != null) {
            body.put("vertical", change.vertical().name());
        }
        JsonNode answer = graph.send("POST", path, Map.of(), token.reveal(), body, new Redactor(token.reveal()));
        if (!answer.path("success").asBoolean(false)) {
            throw graph.unreadable(path, "Meta did not answer {\"success\": true}");
        }
    }

    private static void put(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
