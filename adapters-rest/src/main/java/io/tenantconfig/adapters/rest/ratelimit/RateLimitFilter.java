package io.tenantconfig.adapters.rest.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.tenantconfig.adapters.rest.RequestIdentity;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets (Bucket4j) per caller for one policy. Runs after authentication, so the key is
 * always the verified token's subject or tenant (for the public webhooks, the source address); one
 * key's use never limits another's. The buckets live where {@link Buckets} keeps them: in this
 * instance's memory, or in PostgreSQL, shared by every instance.
 */
@Priority(Priorities.AUTHORIZATION + 10)
final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String REMAINING = RateLimitFilter.class.getName() + ".remaining";

    private final RateLimitPolicy policy;
    private final Buckets buckets;

    RateLimitFilter(RateLimitPolicy policy, Buckets buckets) {
        this.policy = policy;
        this.buckets = buckets;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String key;
        if (policy.kind() == RateLimitPolicy.Kind.WEBHOOK) {
            key = "address:" + RequestIdentity.clientAddress();
        } else if (request.getSecurityContext().getUserPrincipal() instanceof CallerPrincipal caller) {
            key = key(caller);
        } else {
            return; // not authenticated: the auth filter has answered already
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.bucket(policy, key).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // The shared buckets are in the database: if it cannot answer, neither can the
            // endpoint, which then says so (503); the limit is not what should fail the request.
            LOG.warn(
                    "The {} rate limit was not checked: its buckets cannot be reached ({})",
                    policy.kind().label(),
                    e.getClass().getSimpleName());
            return;
        }
        if (probe.isConsumed()) {
            request.setProperty(REMAINING, probe.getRemainingTokens());
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        request.abortWith(Problem.response(
                429,
                "Too many " + policy.kind().label() + " requests: at most "
                        + policy.perMinute() + " a minute (bursts of " + policy.capacity() + "). "
                        + Problem.tryAgainIn(retryAfter),
                null,
                Map.of(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(retryAfter),
                        "RateLimit-Policy",
                        policy.header(),
                        "RateLimit",
                        "\"" + policy.kind().label() + "\";r=0;t=" + retryAfter)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object remaining = request.getProperty(REMAINING);
        if (remaining != null) {
            response.getHeaders().putSingle("RateLimit-Policy", policy.header());
            response.getHeaders().putSingle("RateLimit", "\"" + policy.kind().label() + "\";r=" + remaining);
        }
    }

    private String key(CallerPrincipal caller) {
        if (policy.kind() != RateLimitPolicy.Kind.ADMIN && caller.tenant().isPresent()) {
            return "tenant:" + caller.tenant().get().value();
        }
        return "subject:" + caller.subject();
    }
}
