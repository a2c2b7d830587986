package io.tenantconfig.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scheduled sweep runs: every active tenant once per {@code interval}, each next check
 * pushed back by up to {@code jitter} (a fraction of the interval) so checks stay spread out; a
 * round leases at most {@code batch} due tenants for {@code lease}, long enough to check them.
 */
public record SweepPolicy(Duration interval, double jitter, Duration lease, int batch) {

    public static final SweepPolicy DEFAULT = new SweepPolicy(Duration.ofHours(6), 0.1, Duration.ofMinutes(5), 50);

    public SweepPolicy {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(lease, "lease");
        if (jitter < 0 || jitter > 1 || batch < 1) {
            throw new IllegalArgumentException(
                    "jitter is 0 to 1 of the interval, and a round leases at least one tenant");
        }
    }
}
