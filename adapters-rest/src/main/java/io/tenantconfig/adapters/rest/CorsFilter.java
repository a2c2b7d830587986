package io.tenantconfig.adapters.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access for the frontend, and for nobody else: a request from an allowed origin
 * gets the CORS headers (preflights are answered here, before authentication, as browsers send
 * them without credentials); any other origin gets none, so the browser keeps the answer from it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, X-Request-Id";
    static final String EXPOSED_HEADERS = "ETag, Retry-After, X-Request-Id, RateLimit, RateLimit-Policy";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowedOrigins;

    public CorsFilter(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (preflight && isAllowed(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", "Origin");
        String origin = request.getHeaderString("Origin");
        if (isAllowed(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private boolean isAllowed(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
