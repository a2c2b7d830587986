package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantconfig.application.port.out.MetaPhoneNumbers;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NewPhoneNumber;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.VerificationCode;
import java.util.Map;

/**
 * {@link MetaPhoneNumbers} over Meta's Graph API ({@link GraphClient}). No call is retried here: a
 * code request sends the user another message, and the caller decides when that is wanted.
 */
final class GraphApiMetaPhoneNumbers implements MetaPhoneNumbers {

    private final GraphClient graph;

    GraphApiMetaPhoneNumbers(GraphApiSettings settings) {
        this.graph = new GraphClient(settings);
    }

    @Override
    public MetaId create(MetaId wabaId, NewPhoneNumber number, Secret token) {
        String path = wabaId.value() + "/phone_numbers";
        ObjectNode body = graph.json()
                .createObjectNode()
                .put("cc", number.countryCode())
                .put("phone_number", number.number())
                .put("verified_name", number.verifiedName().value());
        JsonNode answer = graph.send("POST", path, Map.of(), token.reveal(), body, new Redactor(token.reveal()));
        try {
            return MetaId.parse(answer.path("id").asText(null));
        } catch (InvalidValueException e) {
            throw graph.unreadable(path, "no phone number id in Meta's answer");
        }
    }

    @Override
    public void requestCode(MetaId phoneNumberId, CodeMethod method, String language, Secret token) {
        ObjectNode body = graph.json()
                .createObjectNode()
                .put("code_method", method.name())
                .put("language", language);
        postSuccessfully(phoneNumberId.value() + "/request_code", token, body, new Redactor(token.reveal()));
    }

    @Override
    public void verifyCode(MetaId phoneNumberId, VerificationCode code, Secret token) {
        ObjectNode body = graph.json().createObjectNode().put("code", code.reveal());
        postSuccessfully(
                phoneNumberId.value() + "/verify_code", token, body, new Redactor(token.reveal(), code.reveal()));
    }

    /** Posts {@code body} and expects Meta's {@code {"success": true}}. */
    private void postSuccessfully(String path, Secret token, ObjectNode body, Redactor redactor) {
        JsonNode answer = graph.send("POST", path, Map.of(), token.reveal(), body, redactor);
        if (!answer.path("success").asBoolean(false)) {
            throw graph.unreadable(path, "Meta did not answer {\"success\": true}");
        }
    }
}
