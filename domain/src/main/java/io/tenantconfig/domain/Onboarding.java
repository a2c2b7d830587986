package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How far Embedded Signup got, when it last completed ({@code null}: never), and the user who
 * created the configuration or last onboarded it ({@code null} only in rows the earlier version
 * wrote without a user).
 */
public record Onboarding(OnboardingStatus status, Instant onboardedAt, UserId user) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<Onboarding, Object>> FIELDS = Map.of(
            "onboarding_status", Onboarding::status,
            "onboarding_completed", Onboarding::isCompleted,
            "onboarded_at", Onboarding::onboardedAt,
            "user_id", Onboarding::user);

    public Onboarding {
        Objects.requireNonNull(status, "status");
    }

    static Onboarding notStarted(UserId user) {
        return new Onboarding(OnboardingStatus.NOT_STARTED, null, user);
    }

    /** Onboarding is completed exactly when its last step succeeded; nothing else says so. */
    public boolean isCompleted() {
        return status == OnboardingStatus.COMPLETED;
    }

    /** A new signup by {@code by}: a new run starts, from the token exchange. */
    Onboarding restartedBy(UserId by) {
        return new Onboarding(OnboardingStatus.TOKEN_EXCHANGED, onboardedAt, by);
    }

    Onboarding reached(OnboardingStatus step) {
        return new Onboarding(step, onboardedAt, user);
    }

    Onboarding completedAt(Instant now) {
        return new Onboarding(OnboardingStatus.COMPLETED, now, user);
    }
}
