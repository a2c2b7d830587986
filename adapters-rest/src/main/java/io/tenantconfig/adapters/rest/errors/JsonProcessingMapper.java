package io.tenantconfig.adapters.rest.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/**
 * A body that is not JSON is 400; JSON that cannot be read as what the endpoint takes is 422.
 * Jackson's own messages can quote the body, which may hold a secret, so only the position is told.
 */
public final class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        String where = position(e.getLocation());
        if (e instanceof StreamReadException) {
            return Problem.response(400, "The request body is not valid JSON" + where + ".");
        }
        return Problem.response(422, "The request body could not be read" + where + ".", null, Map.of());
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
