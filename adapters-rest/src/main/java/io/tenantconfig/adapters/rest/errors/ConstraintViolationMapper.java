package io.tenantconfig.adapters.rest.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/** 422 for query or path parameters outside their range, naming each parameter. */
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.response(
                422,
                "The request has invalid parameters: "
                        + String.join(
                                ", ",
                                errors.stream()
                                        .map(Problem.FieldError::field)
                                        .distinct()
                                        .toList()) + ".",
                errors,
                Map.of());
    }

    /** The parameter's own name: the last node of the path (the build keeps parameter names). */
    private static String field(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        // Dropwizard names parameters "query param limit", "path param tenant_id"...
        return name.replaceFirst("^(query|path|header|form|cookie|matrix) param ", "");
    }
}
