package io.tenantconfig.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's WhatsApp Business credentials and settings: the aggregate. Immutable, and made of
 * small value records; each rule that changes it returns the new state with the event it means.
 *
 * <p>Made in two ways: {@link #create} or {@link #onboard} for a configuration that does not exist
 * yet, and the canonical constructor for one read back from storage. {@code id} and
 * {@code version} are 0 until the configuration is first stored; the store sets both.
 */
public record TenantConfig(
        long id,
        TenantId tenantId,
        WhatsAppAccount account,
        PhoneNumber phoneNumber,
        AppCredentials app,
        TokenGrant token,
        Webhook webhook,
        Onboarding onboarding,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public TenantConfig {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(onboarding, "onboarding");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (id < 0 || version < 0) {
            throw new IllegalArgumentException("id and version are never negative");
        }
    }

    /**
     * A configuration a tenant sets up by hand, with any of the settings (none at all included).
     * It is active unless the settings say otherwise, and not onboarded.
     */
    public static Changed create(TenantId tenantId, UserId user, TenantConfigChanges initial, Clock clock) {
        Instant now = clock.instant();
        TenantConfig blank = blank(tenantId, user, now);
        TenantConfigChanges.Applied applied = initial.applyTo(blank);
        return new Changed(
                blank.with(applied, now), new ConfigEvent(ConfigEvent.Type.CREATED, applied.changedFields()));
    }

    /**
     * A tenant's first Embedded Signup: the configuration starts from what the signup gave, with
     * the token just obtained. Stored at once, before any later step runs, so it is never lost.
     */
    public static Changed onboard(
            TenantId tenantId, UserId user, SignupAccount account, AccessGrant grant, Clock clock) {
        return blank(tenantId, user, clock.instant()).reauthorize(user, account, grant, clock);
    }

    /** Applies a partial update: the settings not mentioned keep their values. */
    public Changed changeSettings(TenantConfigChanges changes, Clock clock) {
        TenantConfigChanges.Applied applied = changes.applyTo(this);
        return new Changed(
                with(applied, clock.instant()),
                new ConfigEvent(ConfigEvent.Type.SETTINGS_CHANGED, applied.changedFields()));
    }

    /**
     * Puts the configuration back in use: the loader serves its credentials again. Empty when it
     * is in use already: nothing changes, nothing is stored or recorded.
     */
    public Optional<Changed> activate(Clock clock) {
        return active ? Optional.empty() : Optional.of(switchedTo(true, ConfigEvent.Type.ACTIVATED, clock));
    }

    /**
     * Takes the configuration out of use without deleting it: the loader treats it as absent.
     * Empty when it is out of use already.
     */
    public Optional<Changed> deactivate(Clock clock) {
        return active ? Optional.of(switchedTo(false, ConfigEvent.Type.DEACTIVATED, clock)) : Optional.empty();
    }

    /**
     * Embedded Signup again (re-authorization): the account, number and token from the signup
     * replace the old ones, a new onboarding run starts, and every other setting is kept.
     */
    public Changed reauthorize(UserId user, SignupAccount account, AccessGrant grant, Clock clock) {
        TenantConfigChanges.Applied applied =
                TenantConfigChanges.signup(account, grant).applyTo(this);
        Set<String> fields = new HashSet<>(applied.changedFields());
        fields.add("onboarding_status");
        Instant now = clock.instant();
        TenantConfig signedUp = with(applied, now).with(onboarding.restartedBy(user), now);
        return new Changed(signedUp, new ConfigEvent(ConfigEvent.Type.TOKEN_EXCHANGED, fields));
    }

    /** Meta confirmed the token: when it expires ({@code null}: never), and that it was checked now. */
    public Changed tokenVerified(Instant expiresAt, Clock clock) {
        Instant now = clock.instant();
        TenantConfig verified = with(phoneNumber, token.verified(expiresAt, now), now);
        return new Changed(
                verified,
                new ConfigEvent(ConfigEvent.Type.TOKEN_VERIFIED, Set.of("token_expires_at", "last_verified_at")));
    }

    /** The PIN chosen for registering the phone number, stored before Meta is asked to use it. */
    public Changed registrationPinChosen(Secret pin, Clock clock) {
        return new Changed(
                with(phoneNumber.registeredWith(pin), token, clock.instant()),
                new ConfigEvent(ConfigEvent.Type.REGISTRATION_PIN_CHOSEN, Set.of("registration_pin")));
    }

    /** Onboarding subscribed our app to the WhatsApp Business Account's webhooks. */
    public Changed webhookSubscribed(Clock clock) {
        return advanced(
                onboarding.reached(OnboardingStatus.WEBHOOK_SUBSCRIBED),
                ConfigEvent.Type.WEBHOOK_SUBSCRIBED,
                Set.of("onboarding_status"),
                clock);
    }

    /** Onboarding registered the phone number for the Cloud API. */
    public Changed phoneRegistered(Clock clock) {
        return advanced(
                onboarding.reached(OnboardingStatus.PHONE_REGISTERED),
                ConfigEvent.Type.PHONE_REGISTERED,
                Set.of("onboarding_status"),
                clock);
    }

    /** Every step succeeded. */
    public Changed onboardingCompleted(Clock clock) {
        return advanced(
                onboarding.completedAt(clock.instant()),
                ConfigEvent.Type.ONBOARDING_COMPLETED,
                Set.of("onboarding_status", "onboarded_at"),
                clock);
    }

    /** Meta refused the stored token: nothing more can be done with it until the tenant signs up again. */
    public Changed reauthorizationRequired(Clock clock) {
        return advanced(
                onboarding.reached(OnboardingStatus.REAUTHORIZATION_REQUIRED),
                ConfigEvent.Type.REAUTHORIZATION_REQUIRED,
                Set.of("onboarding_status"),
                clock);
    }

    private Changed advanced(Onboarding next, ConfigEvent.Type type, Set<String> fields, Clock clock) {
        return new Changed(with(next, clock.instant()), new ConfigEvent(type, fields));
    }

    private static TenantConfig blank(TenantId tenantId, UserId user, Instant now) {
        return new TenantConfig(
                0,
                tenantId,
                WhatsAppAccount.NONE,
                PhoneNumber.NONE,
                AppCredentials.NONE,
                TokenGrant.NONE,
                Webhook.NONE,
                Onboarding.notStarted(user),
                true,
                now,
                now,
                0);
    }

    private TenantConfig with(TenantConfigChanges.Applied s, Instant now) {
        return new TenantConfig(
                id,
                tenantId,
                s.account(),
                s.phoneNumber(),
                s.app(),
                s.token(),
                s.webhook(),
                onboarding,
                s.active(),
                createdAt,
                now,
                version);
    }

    private TenantConfig with(PhoneNumber newPhoneNumber, TokenGrant newToken, Instant now) {
        return new TenantConfig(
                id,
                tenantId,
                account,
                newPhoneNumber,
                app,
                newToken,
                webhook,
                onboarding,
                active,
                createdAt,
                now,
                version);
    }

    private TenantConfig with(Onboarding newOnboarding, Instant now) {
        return new TenantConfig(
                id,
                tenantId,
                account,
                phoneNumber,
                app,
                token,
                webhook,
                newOnboarding,
                active,
                createdAt,
                now,
                version);
    }

    private Changed switchedTo(boolean newActive, ConfigEvent.Type type, Clock clock) {
        TenantConfig switched = new TenantConfig(
                id,
                tenantId,
                account,
                phoneNumber,
                app,
                token,
                webhook,
                onboarding,
                newActive,
                createdAt,
                clock.instant(),
                version);
        return new Changed(switched, new ConfigEvent(type, Set.of("is_active")));
    }
}
