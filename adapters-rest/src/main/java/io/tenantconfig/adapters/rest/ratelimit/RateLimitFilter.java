package io.tenantconfig.adapters.rest.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
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
import java.time.Duration;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per caller for one policy. Runs after authentication, so the key is
 * always the verified token's subject or tenant (for the public webhooks, the source address); one key's use never limits another's. Buckets
 * of keys not seen for a while are forgotten (a full bucket is the same as no bucket).
 */
@Priority(Priorities.AUTHORIZATION + 10)
final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String REMAINING = RateLimitFilter.class.getName() + ".remaining";

    private final RateLimitPolicy policy;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimitFilter(RateLimitPolicy policy, TimeMeter time) {
        this.policy = policy;
        this.time = time;
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
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            request.setProperty(REMAINING, probe.getRemainingTokens());
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        request.abortWith(Problem.response(
                429,
                "Too many " + policy.kind().label() + " requests: at most "
                        + policy.perMinute() + " a minute (bursts of " + policy.capacity() + "). Try again in "
                        + retryAfter + " seconds.",
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

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(policy.capacity())
                        .refillGreedy(policy.perMinute(), policy.window())
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }
}
