package io.tenantconfig.adapters.rest.errors;

import io.tenantconfig.domain.InvalidTenantConfigException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** 422 naming every field of the request that was refused, and why (never the refused value). */
public final class InvalidTenantConfigMapper implements ExceptionMapper<InvalidTenantConfigException> {

    @Override
    public Response toResponse(InvalidTenantConfigException e) {
        return Problem.response(422, "The request has invalid fields: "
                        + String.join(", ", e.violations().stream().map(v -> v.field()).distinct().toList()) + ".",
                e.violations().stream().map(Problem.FieldError::of).toList(), Map.of());
    }
}
