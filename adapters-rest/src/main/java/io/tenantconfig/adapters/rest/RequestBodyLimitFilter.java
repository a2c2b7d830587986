package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit with 413: at once when {@code Content-Length} says so,
 * and while reading when a chunked body grows past it. A configuration is a few kilobytes; Meta's
 * webhook bodies may be larger (see {@link WebhooksResource#MAX_BODY_BYTES}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestBodyLimitFilter implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String WEBHOOKS = "api/v1/webhooks/";

    /** Whether {@code path} (with or without its leading slash) is one of Meta's public webhook paths. */
    public static boolean isWebhookPath(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).startsWith(WEBHOOKS);
    }

    /** The largest body a request to {@code path} may carry: the one rule, for this filter and the body reader in front of Jetty. */
    public static int largestBody(String path) {
        return isWebhookPath(path) ? WebhooksResource.MAX_BODY_BYTES : MAX_BODY_BYTES;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        int limit = largestBody(request.getUriInfo().getPath());
        if (declaredLength(request) > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }

    /**
     * The {@code Content-Length} as a number of any size (-1 when absent): Jersey's own reading
     * stops at {@code int} and would fail on a larger value.
     */
    private static long declaredLength(ContainerRequestContext request) {
        return declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
    }

    static long declaredLength(String header) {
        if (header == null || header.isEmpty()) {
            return -1;
        }
        if (!header.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ApiException(400, "The Content-Length header is not a number of bytes.");
        }
        return header.length() > 18 ? Long.MAX_VALUE : Long.parseLong(header);
    }

    private static ApiException tooLarge(int limit) {
        return new ApiException(413, "The request body is larger than " + limit / 1024 + " KiB.");
    }

    /** Counts what is read, one byte at a time or in blocks, and refuses the byte past the limit. */
    static final class LimitedInputStream extends FilterInputStream {
        private final int limit;
        private long read;

        LimitedInputStream(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
