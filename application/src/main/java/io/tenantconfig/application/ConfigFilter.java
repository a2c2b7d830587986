package io.tenantconfig.application;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.health.HealthState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which configurations an admin list shows: each condition given must hold. {@code tenantPrefix}
 * matches the start of the tenant id exactly (case included); {@code health} is the last check's
 * state, never checked counting as {@code UNKNOWN}.
 */
public record ConfigFilter(
        Optional<Boolean> active,
        Optional<OnboardingStatus> onboardingStatus,
        Optional<MetaId> wabaId,
        Optional<MetaId> phoneNumberId,
        Optional<Instant> updatedSince,
        Optional<String> tenantPrefix,
        Optional<HealthState> health) {

    /** The longest tenant id prefix searched for: a tenant id is at most 100 characters. */
    public static final int MAX_PREFIX = 100;

    public static final ConfigFilter NONE = new ConfigFilter(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public ConfigFilter {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(onboardingStatus, "onboardingStatus");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(updatedSince, "updatedSince");
        Objects.requireNonNull(tenantPrefix, "tenantPrefix");
        Objects.requireNonNull(health, "health");
        if (tenantPrefix
                .filter(prefix -> prefix.isEmpty() || prefix.length() > MAX_PREFIX)
                .isPresent()) {
            throw new IllegalArgumentException("a tenant id prefix has 1 to " + MAX_PREFIX + " characters");
        }
    }

    /** Only configurations whose last health check found {@code state}. */
    public static ConfigFilter health(HealthState state) {
        return NONE.withHealth(Optional.of(state));
    }

    public ConfigFilter withHealth(Optional<HealthState> state) {
        return new ConfigFilter(active, onboardingStatus, wabaId, phoneNumberId, updatedSince, tenantPrefix, state);
    }
}
