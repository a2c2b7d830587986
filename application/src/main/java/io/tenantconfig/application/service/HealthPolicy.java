package io.tenantconfig.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How health checks judge and refresh tokens: a token expiring within {@code expiringWindow} is
 * {@code EXPIRING}; one that can be extended is refreshed within {@code refreshWindow} of its
 * expiry; a refresh Meta fails to answer is tried {@code refreshAttempts} times, waiting
 * {@code refreshBackoff}, then twice that, between attempts.
 */
public record HealthPolicy(
        Duration expiringWindow, Duration refreshWindow, int refreshAttempts, Duration refreshBackoff) {

    public static final HealthPolicy DEFAULT =
            new HealthPolicy(Duration.ofDays(7), Duration.ofDays(7), 3, Duration.ofSeconds(1));

    public HealthPolicy {
        Objects.requireNonNull(expiringWindow, "expiringWindow");
        Objects.requireNonNull(refreshWindow, "refreshWindow");
        Objects.requireNonNull(refreshBackoff, "refreshBackoff");
        if (refreshAttempts < 1) {
            throw new IllegalArgumentException("a refresh is tried at least once");
        }
    }
}
