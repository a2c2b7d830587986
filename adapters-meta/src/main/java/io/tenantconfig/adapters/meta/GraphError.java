package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Meta's error answer, {@code {"error": {"message", "type", "code", "error_subcode", "fbtrace_id",
 * "error_user_title", "error_user_msg"}}}, read into a value and classified by what the caller
 * should do about it. The message for people, when Meta gives one, follows Meta's own in brackets.
 */
record GraphError(
        String message,
        String type,
        Integer code,
        Integer subcode,
        String fbtraceId,
        String userTitle,
        String userMessage) {

    private static final Set<Integer> SIGNUP_CODE_SUBCODES = Set.of(36007, 36008, 36009);
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 80007, 130429);
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);
    private static final int INVALID_PARAMETER = 100;
    private static final int TOKEN_INVALID = 190;

    /** The error in an answer's body, if the body is Meta's error JSON. */
    static Optional<GraphError> parse(JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new GraphError(
                text(error, "message"),
                text(error, "type"),
                number(error, "code"),
                number(error, "error_subcode"),
                text(error, "fbtrace_id"),
                text(error, "error_user_title"),
                text(error, "error_user_msg")));
    }

    Kind kind(int httpStatus) {
        if (code != null && code == INVALID_PARAMETER && subcode != null && SIGNUP_CODE_SUBCODES.contains(subcode)) {
            return Kind.SIGNUP_CODE_REJECTED;
        }
        if ((code != null && RATE_LIMIT_CODES.contains(code)) || httpStatus == 429) {
            return Kind.RATE_LIMITED;
        }
        if (code != null && code == TOKEN_INVALID) {
            return Kind.TOKEN_INVALID;
        }
        if ((code != null && TRANSIENT_CODES.contains(code)) || httpStatus >= 500) {
            return Kind.META_UNAVAILABLE;
        }
        return Kind.REJECTED;
    }

    MetaFailure toFailure(int httpStatus, Duration retryAfter, Redactor redactor) {
        Kind kind = kind(httpStatus);
        String text = message == null || message.isBlank() ? "Meta gave no message (HTTP " + httpStatus + ")" : message;
        // Meta's words for a person, when it gives them, say what its message only names
        // ("Invalid parameter" -> "Message template not found: The message template ... wasn't found").
        String forPeople =
                blank(userTitle) ? userMessage : blank(userMessage) ? userTitle : userTitle + ": " + userMessage;
        if (!blank(forPeople)) {
            text = text + " (" + forPeople + ")";
        }
        return new MetaFailure(
                kind, redactor.redact(text), code, subcode, fbtraceId, kind == Kind.RATE_LIMITED ? retryAfter : null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }
}
