package io.tenantconfig.adapters.rest.ratelimit;

import io.github.bucket4j.TimeMeter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Puts one rate-limit filter (one set of buckets per policy) on every {@link RateLimited} resource method. */
public final class RateLimitFeature implements DynamicFeature {

    private final Map<RateLimitPolicy.Kind, RateLimitFilter> filters = new EnumMap<>(RateLimitPolicy.Kind.class);

    public RateLimitFeature(Clock clock, RateLimitPolicy... policies) {
        TimeMeter time = new ClockTimeMeter(clock);
        for (RateLimitPolicy policy : policies) {
            filters.put(policy.kind(), new RateLimitFilter(policy, time));
        }
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        if (limited != null && filters.containsKey(limited.value())) {
            context.register(filters.get(limited.value()));
        }
    }

    /** Bucket4j's time from the service's clock, so tests control refills. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
