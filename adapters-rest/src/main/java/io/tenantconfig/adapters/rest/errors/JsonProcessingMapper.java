package io.tenantconfig.adapters.rest.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.adapters.rest.json.RequestJson;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A body that is not JSON is 400. JSON that cannot be read as what the endpoint takes is 422,
 * naming the field: one given twice, one the body does not have (or that is read-only), or one of
 * the wrong JSON type. Jackson's own messages can quote the body, which may hold a secret, so the
 * answer is built from the field's name and the position only.
 */
public final class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {

    private static final int MAX_ECHOED_NAME = 64;

    @Override
    public Response toResponse(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                // Refused while Jackson was reading, e.g. a body that grew past the size limit.
                return new ApiExceptionMapper().toResponse(refused);
            }
        }
        if (e instanceof StreamReadException read) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                String field = shown(currentName(read));
                return invalid(field, field + " is given more than once");
            }
            return Problem.response(400, "The request body is not valid JSON" + position(e.getLocation()) + ".");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = shown(unknown.getPropertyName());
            BodyFields body = unknown.getReferringClass().getAnnotation(BodyFields.class);
            boolean readOnly = body != null && Arrays.asList(body.readOnly()).contains(unknown.getPropertyName());
            return invalid(
                    field,
                    readOnly
                            ? field + " is read-only and cannot be set"
                            : field + " is not a field of " + (body == null ? "this request" : body.of()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            List<JsonMappingException.Reference> path = mismatch.getPath();
            if (path.isEmpty()) {
                return invalid("body", RequestJson.MUST_BE_AN_OBJECT);
            }
            String field = shown(path.get(path.size() - 1).getFieldName());
            return invalid(field, field + " must be " + expected(mismatch.getTargetType()));
        }
        return Problem.response(
                422, "The request body could not be read" + position(e.getLocation()) + ".", null, Map.of());
    }

    private static Response invalid(String field, String message) {
        return new InvalidRequestMapper().toResponse(InvalidRequestException.of(field, message));
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        return type == String.class ? "a string" : "a JSON value of another type";
    }

    private static String currentName(StreamReadException e) {
        try {
            JsonParser parser = e.getProcessor();
            return parser == null ? null : parser.currentName();
        } catch (java.io.IOException io) {
            return null;
        }
    }

    /** A field name as the caller sent it, shortened: it is input, and could be anything. */
    private static String shown(String name) {
        if (name == null) {
            return "body";
        }
        return name.length() > MAX_ECHOED_NAME ? name.substring(0, MAX_ECHOED_NAME) + "..." : name;
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
