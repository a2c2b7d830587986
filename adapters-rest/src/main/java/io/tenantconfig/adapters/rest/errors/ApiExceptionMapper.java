package io.tenantconfig.adapters.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Errors the API raises itself: their status and detail as they are. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return Problem.response(e.status(), e.detail(), null, e.headers());
    }
}
