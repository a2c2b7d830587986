package io.tenantconfig.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
     * It is active unless the settings say otherwise, and not onboarded. Its event names the
     * settings that differ from those of an empty configuration.
     */
    public static Changed create(TenantId tenantId, UserId user, TenantConfigChanges initial, Clock clock) {
        Instant now = clock.instant();
        TenantConfig blank = blank(tenantId, user, now);
        return blank.changedTo(blank.with(initial.applyTo(blank), now), ConfigEvent.Type.CREATED);
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
        return changedTo(with(changes.applyTo(this), clock.instant()), ConfigEvent.Type.SETTINGS_CHANGED);
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
        TenantConfigChanges.Applied signup =
                TenantConfigChanges.signup(account, grant).applyTo(this);
        Instant now = clock.instant();
        TenantConfig signedUp = with(
                signup.account(),
                signup.phoneNumber(),
                signup.app(),
                signup.token(),
                signup.webhook(),
                onboarding.restartedBy(user),
                signup.active(),
                now);
        return changedTo(signedUp, ConfigEvent.Type.TOKEN_EXCHANGED);
    }

    /** Meta confirmed the token: when it expires ({@code null}: never), and that it was checked now. */
    public Changed tokenVerified(Instant expiresAt, Clock clock) {
        Instant now = clock.instant();
        return changedTo(
                with(account, phoneNumber, app, token.verified(expiresAt, now), webhook, onboarding, active, now),
                ConfigEvent.Type.TOKEN_VERIFIED);
    }

    /** The PIN chosen for registering the phone number, stored before Meta is asked to use it. */
    public Changed registrationPinChosen(Secret pin, Clock clock) {
        return changedTo(
                with(
                        account,
                        phoneNumber.registeredWith(pin),
                        app,
                        token,
                        webhook,
                        onboarding,
                        active,
                        clock.instant()),
                ConfigEvent.Type.REGISTRATION_PIN_CHOSEN);
    }

    /** Onboarding subscribed our app to the WhatsApp Business Account's webhooks. */
    public Changed webhookSubscribed(Clock clock) {
        return advanced(
                onboarding.reached(OnboardingStatus.WEBHOOK_SUBSCRIBED), ConfigEvent.Type.WEBHOOK_SUBSCRIBED, clock);
    }

    /** Onboarding registered the phone number for the Cloud API. */
    public Changed phoneRegistered(Clock clock) {
        return advanced(
                onboarding.reached(OnboardingStatus.PHONE_REGISTERED), ConfigEvent.Type.PHONE_REGISTERED, clock);
    }

    /** Every step succeeded. */
    public Changed onboardingCompleted(Clock clock) {
        return advanced(onboarding.completedAt(clock.instant()), ConfigEvent.Type.ONBOARDING_COMPLETED, clock);
    }

    /** Meta refused the stored token: nothing more can be done with it until the tenant signs up again. */
    public Changed reauthorizationRequired(Clock clock) {
        return advanced(
                onboarding.reached(OnboardingStatus.REAUTHORIZATION_REQUIRED),
                ConfigEvent.Type.REAUTHORIZATION_REQUIRED,
                clock);
    }

    /** Whether the onboarding steps can run on this configuration: it has a token, the account and the number. */
    public boolean holdsWhatOnboardingNeeds() {
        return token.accessToken() != null && account.wabaId() != null && phoneNumber.id() != null;
    }

    private Changed advanced(Onboarding next, ConfigEvent.Type type, Clock clock) {
        return changedTo(with(account, phoneNumber, app, token, webhook, next, active, clock.instant()), type);
    }

    private Changed switchedTo(boolean newActive, ConfigEvent.Type type, Clock clock) {
        return changedTo(with(account, phoneNumber, app, token, webhook, onboarding, newActive, clock.instant()), type);
    }

    /**
     * {@code after} with the event of this change: every field whose value differs between this
     * configuration and {@code after}, including those a change alters in passing (a new access
     * token forgets the old one's expiry; a new number drops the old number's PIN).
     */
    private Changed changedTo(TenantConfig after, ConfigEvent.Type type) {
        return new Changed(after, new ConfigEvent(type, ChangedFields.between(this, after)));
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

    private TenantConfig with(TenantConfigChanges.Applied settings, Instant now) {
        return with(
                settings.account(),
                settings.phoneNumber(),
                settings.app(),
                settings.token(),
                settings.webhook(),
                onboarding,
                settings.active(),
                now);
    }

    /** This configuration (same id, tenant, creation time and version) with new parts, changed at {@code now}. */
    private TenantConfig with(
            WhatsAppAccount newAccount,
            PhoneNumber newPhoneNumber,
            AppCredentials newApp,
            TokenGrant newToken,
            Webhook newWebhook,
            Onboarding newOnboarding,
            boolean newActive,
            Instant now) {
        return new TenantConfig(
                id,
                tenantId,
                newAccount,
                newPhoneNumber,
                newApp,
                newToken,
                newWebhook,
                newOnboarding,
                newActive,
                createdAt,
                now,
                version);
    }
}
