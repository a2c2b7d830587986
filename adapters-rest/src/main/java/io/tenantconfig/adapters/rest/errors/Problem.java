package io.tenantconfig.adapters.rest.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The body of every error the API returns: a human-readable {@code detail} (what the frontend
 * shows), the HTTP {@code status} and its {@code title}, and for invalid input the fields at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("detail") String detail,
        @JsonProperty("status") int status,
        @JsonProperty("title") String title,
        @JsonProperty("errors") List<FieldError> errors) {

    /** One refused field and why. Never carries the refused value: it may be a secret. */
    public record FieldError(
            @JsonProperty("field") String field,
            @JsonProperty("message") String message) {}

    /** A problem without field errors, titled after its status. */
    public static Problem of(int status, String detail) {
        return new Problem(detail, status, title(status), null);
    }

    public static Response response(int status, String detail) {
        return response(status, detail, null, Map.of());
    }

    public static Response response(int status, String detail, List<FieldError> errors, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem(detail, status, title(status), errors));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The end of a detail that asks the caller to wait: "Try again in 1 second." or "... 30 seconds." */
    public static String tryAgainIn(long seconds) {
        return "Try again in " + seconds + (seconds == 1 ? " second." : " seconds.");
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status == 422 ? "Unprocessable Content" : "Error";
    }
}
