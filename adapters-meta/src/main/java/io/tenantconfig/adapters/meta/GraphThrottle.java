package io.tenantconfig.adapters.meta;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Holds calls to Meta to at most {@code perSecond} started per second and {@code inFlight} at a
 * time, per instance, waiting (never failing) for a turn: a sweep over many tenants must not run
 * into Meta's rate limits, whatever else the instance does.
 */
final class GraphThrottle {

    private final Bucket rate;
    private final Semaphore slots;

    GraphThrottle(int perSecond, int inFlight) {
        if (perSecond < 1 || inFlight < 1) {
            throw new IllegalArgumentException("a throttle lets at least one call a second through, one at a time");
        }
        this.rate = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perSecond)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
        this.slots = new Semaphore(inFlight, true);
    }

    /** Runs {@code call} when it is its turn. */
    <T> T call(Supplier<T> call) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to call Meta", e);
        }
        try {
            rate.asBlocking().consume(1);
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to call Meta", e);
        } finally {
            slots.release();
        }
    }
}
