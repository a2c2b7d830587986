package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantconfig.application.port.out.MetaAppData;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import java.util.Map;

/**
 * {@link MetaAppData} over Meta's Graph API: {@code POST /{phone_number_id}/smb_app_data} with
 * {@code {"messaging_product": "whatsapp", "sync_type": ...}}, answered
 * {@code {"messaging_product": "whatsapp", "request_id": "..."}} (Meta's coexistence guide, "Onboard
 * WhatsApp Business app users"). Not retried here: the caller decides when to try again.
 */
final class GraphApiMetaAppData implements MetaAppData {

    private final GraphClient graph;

    GraphApiMetaAppData(GraphApiSettings settings) {
        this.graph = new GraphClient(settings);
    }

    @Override
    public String requestSync(MetaId phoneNumberId, AppDataSync.Kind kind, Secret token) {
        String path = phoneNumberId.value() + "/smb_app_data";
        ObjectNode body = graph.json()
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("sync_type", kind.syncType());
        JsonNode answer = graph.send("POST", path, Map.of(), token.reveal(), body, new Redactor(token.reveal()));
        JsonNode requestId = answer.path("request_id");
        if (!requestId.isTextual() || requestId.asText().isBlank()) {
            throw graph.unreadable(path, "no request_id in Meta's answer");
        }
        return requestId.asText();
    }
}
