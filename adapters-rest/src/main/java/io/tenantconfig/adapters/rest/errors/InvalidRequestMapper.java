package io.tenantconfig.adapters.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** 422 naming every field of the request that was refused, and why (never the refused value). */
public final class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

    @Override
    public Response toResponse(InvalidRequestException e) {
        return Problem.response(
                422,
                "The request has invalid fields: "
                        + String.join(
                                ", ",
                                e.errors().stream()
                                        .map(Problem.FieldError::field)
                                        .distinct()
                                        .toList()) + ".",
                e.errors(),
                Map.of());
    }
}
