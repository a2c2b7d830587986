package io.tenantconfig.adapters.rest.auth;

import io.dropwizard.auth.AuthFilter;
import io.tenantconfig.adapters.rest.LogContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * Reads the token from the {@code Authorization: Bearer} header and nowhere else. Dropwizard's
 * OAuth filter also accepts an {@code access_token} query parameter; a token there would be
 * written to every request log, so this one does not. A verified caller's tenant goes into the
 * log context of the request.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenAuthFilter extends AuthFilter<String, CallerPrincipal> {

    static final String SCHEME = "Bearer";

    private BearerTokenAuthFilter() {}

    @Override
    public void filter(ContainerRequestContext request) {
        String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!authenticate(request, token, SCHEME)) {
            throw new WebApplicationException(unauthorizedHandler.buildResponse(prefix, realm));
        }
        if (request.getSecurityContext().getUserPrincipal() instanceof CallerPrincipal caller) {
            caller.tenant().ifPresent(LogContext::tenant);
        }
    }

    private static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return null;
        }
        String token = header.substring(space + 1).strip();
        return token.isEmpty() ? null : token;
    }

    public static final class Builder extends AuthFilterBuilder<String, CallerPrincipal, BearerTokenAuthFilter> {
        @Override
        protected BearerTokenAuthFilter newInstance() {
            return new BearerTokenAuthFilter();
        }
    }
}
