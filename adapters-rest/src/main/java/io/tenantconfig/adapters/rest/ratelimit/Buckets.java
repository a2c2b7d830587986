package io.tenantconfig.adapters.rest.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;

/** Where the token buckets of the rate limits live. */
public interface Buckets {

    /** The bucket of {@code key} under {@code policy}, made full the first time. */
    Bucket bucket(RateLimitPolicy policy, String key);

    /**
     * In this instance's memory: with N instances behind a load balancer a caller gets up to N
     * times the limit. Buckets of keys not seen for ten minutes are forgotten (a full bucket is
     * the same as no bucket).
     */
    static Buckets inMemory(TimeMeter time) {
        Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
        return (policy, key) -> buckets.get(
                policy.kind().label() + ":" + key,
                k -> Bucket.builder()
                        .addLimit(bandwidth(policy))
                        .withCustomTimePrecision(time)
                        .build());
    }

    /**
     * Behind {@code proxies} (Bucket4j's PostgreSQL backend in the service): one bucket per key
     * for every instance, so N instances allow the limit once. Each request with a limit then
     * costs one locked read and write of its bucket's row.
     */
    static Buckets shared(ProxyManager<String> proxies) {
        return (policy, key) -> proxies.builder()
                .build(
                        policy.kind().label() + ":" + key,
                        () -> BucketConfiguration.builder()
                                .addLimit(bandwidth(policy))
                                .build());
    }

    private static Bandwidth bandwidth(RateLimitPolicy policy) {
        return Bandwidth.builder()
                .capacity(policy.capacity())
                .refillGreedy(policy.perMinute(), policy.window())
                .build();
    }
}
