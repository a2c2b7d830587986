package io.tenantconfig.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How events are delivered: a round takes at most {@code batch} events and holds each for
 * {@code hold}; failed attempts wait {@code firstBackoff}, doubling up to {@code maxBackoff};
 * an event still undelivered {@code giveUpAfter} after it occurred becomes a dead letter.
 */
public record DeliveryPolicy(
        int batch, Duration hold, Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter) {

    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(
            100, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(7));

    public DeliveryPolicy {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (batch < 1) {
            throw new IllegalArgumentException("a round delivers at least one event");
        }
    }

    /** How long to wait after the {@code attempts}th failed attempt. */
    Duration backoff(int attempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
