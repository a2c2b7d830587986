package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How far Embedded Signup got, as one of four states, each holding only what can be true in it: a
 * run in progress always names the account it works on (and the configuration holding it always
 * has that account with its token, and the number the run names if it names one:
 * {@link #requireHeldBy}); a completed one always says when. Every state also says who created the
 * configuration or last onboarded it ({@code null} only in rows the earlier version wrote without
 * a user), the account and the number the last signup named ({@code null} before any signup; the
 * number also when the signup finished without one) and when a run last completed ({@code null}:
 * never), which a new run keeps until it completes itself.
 */
public sealed interface Onboarding {

    /** Its fields by their data-model names (what audit events name). */
    Map<String, Function<Onboarding, Object>> FIELDS = Map.of(
            "onboarding_status", Onboarding::status,
            "onboarding_completed", Onboarding::isCompleted,
            "onboarded_at", Onboarding::onboardedAt,
            "user_id", Onboarding::user,
            "onboarding_waba_id", Onboarding::wabaId,
            "onboarding_phone_number_id", Onboarding::phoneNumberId);

    /** The name the API, the storage and the admin filter give this state. */
    OnboardingStatus status();

    UserId user();

    MetaId wabaId();

    MetaId phoneNumberId();

    Instant onboardedAt();

    /** Onboarding is completed exactly when its last step succeeded; nothing else says so. */
    default boolean isCompleted() {
        return false;
    }

    /**
     * The state these stored values name. Refuses the two that cannot be: a run in progress without
     * its account, a completion without its time (rows the earlier version wrote so are read by the
     * storage's own rule).
     */
    static Onboarding of(
            OnboardingStatus status, UserId user, MetaId wabaId, MetaId phoneNumberId, Instant onboardedAt) {
        return switch (status) {
            case NOT_STARTED -> new NotStarted(user, wabaId, phoneNumberId, onboardedAt);
            case TOKEN_EXCHANGED, WEBHOOK_SUBSCRIBED, PHONE_REGISTERED ->
                new InProgress(Step.valueOf(status.name()), user, wabaId, phoneNumberId, onboardedAt);
            case COMPLETED -> new Completed(user, wabaId, phoneNumberId, onboardedAt);
            case REAUTHORIZATION_REQUIRED -> new ReauthorizationRequired(user, wabaId, phoneNumberId, onboardedAt);
        };
    }

    /**
     * Whether a run on the account {@code wabaId} (and the number {@code phoneNumberId}, when it
     * names one) can go on in a configuration holding these: each step calls Meta with the
     * account's token, on the account or its number, so without one of them it cannot.
     */
    static boolean runnable(Accounts accounts, PhoneNumbers numbers, MetaId wabaId, MetaId phoneNumberId) {
        boolean accountReachable = wabaId != null
                && accounts.find(wabaId)
                        .filter(account -> account.token().accessToken() != null)
                        .isPresent();
        return accountReachable
                && (phoneNumberId == null
                        || numbers.find(phoneNumberId)
                                .filter(number -> wabaId.equals(number.wabaId()))
                                .isPresent());
    }

    /**
     * This onboarding in a configuration holding {@code accounts} and {@code numbers}. A change
     * that takes from a run in progress what it needs (clears the token or the account of the
     * signed-up number, removes that number) ends it: the tenant has to sign up again, which is
     * what {@link ReauthorizationRequired} says. Any other state stays as it is.
     */
    default Onboarding heldBy(Accounts accounts, PhoneNumbers numbers) {
        return this;
    }

    /** Refuses a run in progress in a configuration without what it needs ({@link #heldBy} ends such a run). */
    default void requireHeldBy(Accounts accounts, PhoneNumbers numbers) {
        if (heldBy(accounts, numbers) != this) {
            throw new IllegalArgumentException(
                    "an onboarding in progress needs the token, the account and the signed-up number");
        }
    }

    /**
     * A new signup of the account {@code account} (and its {@code number}, {@code null} when the
     * user finished without one) by {@code by}: a new run starts, from the token exchange.
     */
    default Onboarding restartedBy(UserId by, MetaId account, MetaId number) {
        return new InProgress(Step.TOKEN_EXCHANGED, by, account, number, onboardedAt());
    }

    /** The run got past {@code step}; only a state that names a signed-up account can have one. */
    default Onboarding reached(Step step) {
        return new InProgress(step, user(), wabaId(), phoneNumberId(), onboardedAt());
    }

    /** Every step succeeded {@code now}: that is the last completion from then on. */
    default Onboarding completedAt(Instant now) {
        return new Completed(user(), wabaId(), phoneNumberId(), now);
    }

    /** No run can go on until the tenant signs up again (Meta refused the token, or a run lost what it needs). */
    default Onboarding reauthorizationRequired() {
        return new ReauthorizationRequired(user(), wabaId(), phoneNumberId(), onboardedAt());
    }

    /** The steps after which a run can stop and be resumed, each named as its status. */
    enum Step {
        TOKEN_EXCHANGED(OnboardingStatus.TOKEN_EXCHANGED),
        WEBHOOK_SUBSCRIBED(OnboardingStatus.WEBHOOK_SUBSCRIBED),
        PHONE_REGISTERED(OnboardingStatus.PHONE_REGISTERED);

        private final OnboardingStatus status;

        Step(OnboardingStatus status) {
            this.status = status;
        }

        public OnboardingStatus status() {
            return status;
        }
    }

    /**
     * No run since the configuration was made by hand. A row that the earlier version left
     * {@code FAILED} became this too, and may still name the number and time of an earlier run.
     */
    record NotStarted(UserId user, MetaId wabaId, MetaId phoneNumberId, Instant onboardedAt) implements Onboarding {

        /** A configuration made by {@code user} that no signup has touched. */
        public NotStarted(UserId user) {
            this(user, null, null, null);
        }

        @Override
        public OnboardingStatus status() {
            return OnboardingStatus.NOT_STARTED;
        }
    }

    /**
     * A run stopped or going on after {@code step}, on the account (and the number, if any) its
     * signup named: resume carries it on.
     */
    record InProgress(Step step, UserId user, MetaId wabaId, MetaId phoneNumberId, Instant onboardedAt)
            implements Onboarding {

        public InProgress {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(wabaId, "a run in progress works on the account its signup named");
            if (step == Step.PHONE_REGISTERED && phoneNumberId == null) {
                throw new IllegalArgumentException("a run registers a number only when its signup named one");
            }
        }

        @Override
        public OnboardingStatus status() {
            return step.status();
        }

        @Override
        public Onboarding heldBy(Accounts accounts, PhoneNumbers numbers) {
            return runnable(accounts, numbers, wabaId, phoneNumberId) ? this : reauthorizationRequired();
        }
    }

    /** Every step of the last run succeeded, at {@code onboardedAt}. */
    record Completed(UserId user, MetaId wabaId, MetaId phoneNumberId, Instant onboardedAt) implements Onboarding {

        public Completed {
            Objects.requireNonNull(onboardedAt, "a completed onboarding says when it completed");
        }

        @Override
        public OnboardingStatus status() {
            return OnboardingStatus.COMPLETED;
        }

        @Override
        public boolean isCompleted() {
            return true;
        }
    }

    /**
     * No run can go on until the tenant signs up again: Meta refused the stored token, or a change
     * took from a run in progress the token, the account or the number it needed.
     */
    record ReauthorizationRequired(UserId user, MetaId wabaId, MetaId phoneNumberId, Instant onboardedAt)
            implements Onboarding {

        @Override
        public OnboardingStatus status() {
            return OnboardingStatus.REAUTHORIZATION_REQUIRED;
        }
    }
}
