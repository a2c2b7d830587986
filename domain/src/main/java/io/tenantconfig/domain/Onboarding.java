package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How far Embedded Signup got, when it last completed ({@code null}: never), the user who created
 * the configuration or last onboarded it ({@code null} only in rows the earlier version wrote
 * without a user), and the phone number the last signup named, the one its steps register
 * ({@code null} before any signup).
 */
public record Onboarding(OnboardingStatus status, Instant onboardedAt, UserId user, MetaId phoneNumberId) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<Onboarding, Object>> FIELDS = Map.of(
            "onboarding_status", Onboarding::status,
            "onboarding_completed", Onboarding::isCompleted,
            "onboarded_at", Onboarding::onboardedAt,
            "user_id", Onboarding::user,
            "onboarding_phone_number_id", Onboarding::phoneNumberId);

    public Onboarding {
        Objects.requireNonNull(status, "status");
    }

    static Onboarding notStarted(UserId user) {
        return new Onboarding(OnboardingStatus.NOT_STARTED, null, user, null);
    }

    /** Onboarding is completed exactly when its last step succeeded; nothing else says so. */
    public boolean isCompleted() {
        return status == OnboardingStatus.COMPLETED;
    }

    /** A new signup of {@code number} by {@code by}: a new run starts, from the token exchange. */
    Onboarding restartedBy(UserId by, MetaId number) {
        return new Onboarding(OnboardingStatus.TOKEN_EXCHANGED, onboardedAt, by, Objects.requireNonNull(number));
    }

    Onboarding reached(OnboardingStatus step) {
        return new Onboarding(step, onboardedAt, user, phoneNumberId);
    }

    Onboarding completedAt(Instant now) {
        return new Onboarding(OnboardingStatus.COMPLETED, now, user, phoneNumberId);
    }
}
