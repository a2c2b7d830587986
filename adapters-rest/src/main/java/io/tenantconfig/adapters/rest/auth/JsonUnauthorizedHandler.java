package io.tenantconfig.adapters.rest.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import io.tenantconfig.adapters.rest.errors.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** 401 in the API's error format, with the {@code WWW-Authenticate: Bearer} challenge. */
final class JsonUnauthorizedHandler implements UnauthorizedHandler {

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Problem.response(
                401,
                "A valid, unexpired bearer token is required.",
                null,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\""));
    }
}
