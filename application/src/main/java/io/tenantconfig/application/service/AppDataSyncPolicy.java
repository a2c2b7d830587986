package io.tenantconfig.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the syncs of WhatsApp Business apps' data are tried: a claimed sync is held for {@code lease};
 * a request Meta did not accept waits {@code firstBackoff}, doubling up to {@code maxBackoff}, and
 * never past Meta's window; a sync whose account our app is not subscribed to yet (onboarding has
 * not reached that step) is looked at again after {@code firstBackoff}, since Meta sends the synced
 * data to the account's webhooks.
 */
public record AppDataSyncPolicy(Duration lease, Duration firstBackoff, Duration maxBackoff) {

    public static final AppDataSyncPolicy DEFAULT =
            new AppDataSyncPolicy(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(30));

    public AppDataSyncPolicy {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("the first backoff is positive and the longest is at least as long");
        }
    }

    /** How long to wait after the {@code failures}th failed request. */
    Duration backoff(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
