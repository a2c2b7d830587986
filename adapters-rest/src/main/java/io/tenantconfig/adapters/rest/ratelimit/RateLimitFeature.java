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

    /** Every bucket in this instance's memory. */
    public RateLimitFeature(Clock clock, RateLimitPolicy... policies) {
        this(Buckets.inMemory(new ClockTimeMeter(clock)), Buckets.inMemory(new ClockTimeMeter(clock)), policies);
    }

    /**
     * The admin, onboarding and health-check limits in {@code shared} (every instance counts
     * against the same buckets); Meta's webhooks, per source address and thousands a second, in
     * {@code local}.
     */
    public RateLimitFeature(Buckets shared, Buckets local, RateLimitPolicy... policies) {
        for (RateLimitPolicy policy : policies) {
            Buckets buckets = policy.kind() == RateLimitPolicy.Kind.WEBHOOK ? local : shared;
            filters.put(policy.kind(), new RateLimitFilter(policy, buckets));
        }
    }

    /** Bucket4j's time from {@code clock}, so tests control refills. */
    public static TimeMeter time(Clock clock) {
        return new ClockTimeMeter(clock);
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
