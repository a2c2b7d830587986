package io.tenantconfig.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the template catalogues are kept: each account read every {@code interval} (6 hours by
 * default), a failed read tried again after {@code retryAfterFailure}; a round leases at most
 * {@code batch} accounts for {@code lease}.
 */
public record TemplateSyncPolicy(Duration interval, Duration retryAfterFailure, Duration lease, int batch) {

    public static final TemplateSyncPolicy DEFAULT =
            new TemplateSyncPolicy(Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofMinutes(5), 20);

    public TemplateSyncPolicy {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(retryAfterFailure, "retryAfterFailure");
        Objects.requireNonNull(lease, "lease");
        if (interval.isNegative() || interval.isZero() || batch < 1) {
            throw new IllegalArgumentException("templates are read at some interval, some at a time");
        }
    }
}
