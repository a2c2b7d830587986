package io.tenantconfig.adapters.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives each request an id (the caller's {@code X-Request-Id} when it is a plain token, otherwise
 * a new one), answers with it, and makes it and the client's address available to the audit trail
 * of the thread serving the request, and the id to every log line written meanwhile ({@link LogContext}).
 */
@PreMatching
@Priority(1)
public final class RequestIdentity implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && ACCEPTED_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setProperty(HEADER, id);
        CURRENT.set(new String[] {id, remoteAddress()});
        LogContext.request(id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        CURRENT.remove();
        LogContext.clear();
    }

    /** The id of the request this thread is serving, or null outside a request. */
    public static String requestId() {
        String[] current = CURRENT.get();
        return current == null ? null : current[0];
    }

    /** The address of the client of the request this thread is serving, when known. */
    public static String clientAddress() {
        String[] current = CURRENT.get();
        return current == null ? null : current[1];
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (IllegalStateException e) {
            return null; // no servlet request (in-memory test container)
        }
    }
}
