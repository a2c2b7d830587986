package io.tenantconfig.adapters.rest.errors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ParamException;

/**
 * Jersey's own refusals (no such path, wrong method, wrong content type, missing role) in the
 * API's error format. A refusal that already carries a body (the 401 challenge) never reaches a
 * mapper: Jersey sends it as it is.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** The API's numeric query parameters. */
    private static final Set<String> NUMERIC_PARAMETERS = Set.of("skip", "limit", "before");

    @Context
    private ResourceInfo resource;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response response = e.getResponse();
        if (e instanceof ParamException param) {
            // Jersey answers 404 for a query parameter that is not a number; it is bad input.
            String name = param.getParameterName();
            return Problem.response(
                    422,
                    "The request has invalid parameters: " + name + ".",
                    List.of(new Problem.FieldError(
                            name,
                            NUMERIC_PARAMETERS.contains(name) ? "must be a whole number" : "is not a valid value")),
                    Map.of());
        }
        int status = response.getStatus();
        Map<String, String> headers = response.getHeaderString(HttpHeaders.ALLOW) == null
                ? Map.of()
                : Map.of(HttpHeaders.ALLOW, response.getHeaderString(HttpHeaders.ALLOW));
        return Problem.response(status, detail(e, status), null, headers);
    }

    private String detail(WebApplicationException e, int status) {
        if (e instanceof ForbiddenException) {
            return "This endpoint requires the role " + requiredRoles() + ".";
        }
        if (e instanceof NotSupportedException) {
            return "The request body must be JSON (Content-Type: application/json).";
        }
        if (e instanceof NotAllowedException) {
            return "This method is not allowed here.";
        }
        return switch (status) {
            case 404 -> "Not found.";
            case 406 -> "This endpoint answers with application/json only.";
            default -> Problem.title(status) + ".";
        };
    }

    private String requiredRoles() {
        Method method = resource == null ? null : resource.getResourceMethod();
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource != null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? "that your token does not have" : String.join(" or ", allowed.value());
    }
}
