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
        PhoneNumbers phoneNumbers,
        AppCredentials app,
        TokenGrant token,
        Webhook webhook,
        Onboarding onboarding,
        boolean active,
        AccountStanding standing,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public TenantConfig {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(onboarding, "onboarding");
        Objects.requireNonNull(standing, "standing");
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
        return blank(tenantId, user, clock.instant()).reauthorize(user, account, grant, PhoneNumbers.MOST, clock);
    }

    /**
     * Applies a partial update: the settings not mentioned keep their values.
     *
     * @throws Refusal.RefusedException when the update breaks a rule of the phone numbers
     */
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
     * Embedded Signup again (re-authorization): the account and token from the signup replace the
     * old ones, and a new onboarding run starts for the number it names. In the same WhatsApp
     * Business Account the number is added to the tenant's (the default only when it is the
     * first; kept as it is when the tenant has it already); in another account it replaces them,
     * since the old numbers belong to the old account. Every other setting is kept.
     *
     * @param limit the most numbers the tenant may have
     * @throws Refusal.RefusedException when the number would be one too many
     */
    public Changed reauthorize(UserId user, SignupAccount signup, AccessGrant grant, int limit, Clock clock) {
        // The numbers are decided below, not by the settings' rule for a changed account.
        TenantConfigChanges.Applied applied =
                TenantConfigChanges.signup(signup, grant).applyTo(withNumbers(PhoneNumbers.NONE));
        boolean sameAccount = account.wabaId() == null || account.wabaId().equals(signup.wabaId());
        PhoneNumbers numbers = !sameAccount
                ? PhoneNumbers.only(PhoneNumber.added(signup.phoneNumberId(), null, null))
                : phoneNumbers.contains(signup.phoneNumberId())
                        ? phoneNumbers
                        : phoneNumbers.added(PhoneNumber.added(signup.phoneNumberId(), null, null), limit);
        TenantConfig signedUp = with(
                applied.account(),
                numbers,
                applied.app(),
                applied.token(),
                applied.webhook(),
                onboarding.restartedBy(user, signup.phoneNumberId()),
                applied.active(),
                clock.instant());
        return changedTo(signedUp, ConfigEvent.Type.TOKEN_EXCHANGED);
    }

    /**
     * Adds a number to the tenant's; the first one becomes the default.
     *
     * @param limit the most numbers the tenant may have
     * @throws Refusal.RefusedException when the tenant has the number already, or as many as it may
     */
    public Changed addPhoneNumber(PhoneNumber number, int limit, Clock clock) {
        return changedTo(
                withNumbers(phoneNumbers.added(number, limit), clock.instant()), ConfigEvent.Type.PHONE_NUMBER_ADDED);
    }

    /**
     * Changes one number's label, whether it is in use, or whether it is the default (making one
     * the default makes the previous default an ordinary number; the default cannot stop being
     * one by itself: another number has to become the default).
     *
     * @throws Refusal.RefusedException when the tenant has no such number, or the change would leave no default
     */
    public Changed changePhoneNumber(MetaId id, PhoneNumberChanges changes, Clock clock) {
        PhoneNumbers changed = phoneNumbers.changed(
                id,
                number -> number.labelled(changes.label().applyTo(number.label()))
                        .inUse(changes.active().applyTo(number.active())));
        boolean makeDefault = changes.isDefault().applyTo(changed.isDefault(id));
        if (makeDefault) {
            changed = changed.withDefault(id);
        } else if (changed.isDefault(id)) {
            throw new Refusal.RefusedException(
                    Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                    "the phone number " + id + " stays the default until another number is made the default");
        }
        return changedTo(withNumbers(changed, clock.instant()), ConfigEvent.Type.PHONE_NUMBER_CHANGED);
    }

    /**
     * Removes one number, with its PIN.
     *
     * @throws Refusal.RefusedException when the tenant has no such number, or it is the default and others remain
     */
    public Changed removePhoneNumber(MetaId id, Clock clock) {
        return changedTo(withNumbers(phoneNumbers.removed(id), clock.instant()), ConfigEvent.Type.PHONE_NUMBER_REMOVED);
    }

    /** The number the loader answers for when none is named. */
    public Optional<PhoneNumber> defaultNumber() {
        return phoneNumbers.defaultNumber();
    }

    /** The number the last signup named, while the tenant still has it: the one onboarding registers. */
    public Optional<PhoneNumber> onboardingNumber() {
        return onboarding.phoneNumberId() == null ? Optional.empty() : phoneNumbers.find(onboarding.phoneNumberId());
    }

    /** Meta confirmed the token: when it expires ({@code null}: never), and that it was checked now. */
    public Changed tokenVerified(Instant expiresAt, Clock clock) {
        Instant now = clock.instant();
        return changedTo(
                with(account, phoneNumbers, app, token.verified(expiresAt, now), webhook, onboarding, active, now),
                ConfigEvent.Type.TOKEN_VERIFIED);
    }

    /**
     * Meta extended the token: the new one replaces it, with its expiry, checked now. Every other
     * setting is kept; the onboarding status too.
     */
    public Changed tokenRefreshed(AccessGrant grant, Clock clock) {
        Instant now = clock.instant();
        TokenGrant refreshed = token.withAccessToken(grant.token())
                .expiringAt(grant.expiresAt())
                .verified(grant.expiresAt(), now);
        return changedTo(
                with(account, phoneNumbers, app, refreshed, webhook, onboarding, active, now),
                ConfigEvent.Type.TOKEN_REFRESHED);
    }

    /** The PIN chosen for registering the onboarding number, stored before Meta is asked to use it. */
    public Changed registrationPinChosen(Secret pin, Clock clock) {
        return changedTo(
                withNumbers(
                        phoneNumbers.changed(onboardingNumberId(), number -> number.registeredWith(pin)),
                        clock.instant()),
                ConfigEvent.Type.REGISTRATION_PIN_CHOSEN);
    }

    /** Onboarding subscribed our app to the WhatsApp Business Account's webhooks. */
    public Changed webhookSubscribed(Clock clock) {
        return advanced(
                onboarding.reached(OnboardingStatus.WEBHOOK_SUBSCRIBED), ConfigEvent.Type.WEBHOOK_SUBSCRIBED, clock);
    }

    /** Onboarding registered its number for the Cloud API. */
    public Changed phoneRegistered(Clock clock) {
        Instant now = clock.instant();
        PhoneNumbers registered = phoneNumbers.changed(onboardingNumberId(), number -> number.registeredAt(now));
        return changedTo(
                with(
                        account,
                        registered,
                        app,
                        token,
                        webhook,
                        onboarding.reached(OnboardingStatus.PHONE_REGISTERED),
                        active,
                        now),
                ConfigEvent.Type.PHONE_REGISTERED);
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

    /**
     * Whether the loader serves this configuration: switched on, and its account not taken out of
     * service by Meta.
     */
    public boolean inService() {
        return active && standing.serving();
    }

    /**
     * Meta reported a change in the account's standing (a lifecycle webhook). Empty when the
     * standing is the same: a webhook Meta repeats changes nothing.
     */
    public Optional<Changed> standingChanged(AccountStanding next, Clock clock) {
        if (next.status() == standing.status() && Objects.equals(next.detail(), standing.detail())) {
            return Optional.empty();
        }
        TenantConfig after = new TenantConfig(
                id,
                tenantId,
                account,
                phoneNumbers,
                app,
                token,
                webhook,
                onboarding,
                active,
                next,
                createdAt,
                clock.instant(),
                version);
        return Optional.of(changedTo(after, ConfigEvent.Type.ACCOUNT_STANDING_CHANGED));
    }

    /**
     * Meta approved a display name for one of the tenant's numbers, named as people see it
     * (Meta's name-review webhook does not carry the number's id): the digits are compared.
     * Empty when the tenant has no such number, or the number has that name already.
     */
    public Optional<Changed> nameApproved(String displayNumber, VerifiedName name, Clock clock) {
        String digits = digitsOf(displayNumber);
        Optional<PhoneNumber> number = phoneNumbers.all().stream()
                .filter(n -> n.displayNumber() != null
                        && !digits.isEmpty()
                        && digitsOf(n.displayNumber().value()).equals(digits))
                .findFirst();
        if (number.isEmpty() || name.equals(number.get().verifiedName())) {
            return Optional.empty();
        }
        PhoneNumbers renamed = phoneNumbers.changed(number.get().id(), n -> n.named(name));
        return Optional.of(changedTo(withNumbers(renamed, clock.instant()), ConfigEvent.Type.PHONE_NUMBER_CHANGED));
    }

    private static String digitsOf(String displayNumber) {
        return displayNumber == null ? "" : displayNumber.replaceAll("[^0-9]", "");
    }

    /** Whether the onboarding steps can run on this configuration: it has a token, the account and the signed-up number. */
    public boolean holdsWhatOnboardingNeeds() {
        return token.accessToken() != null
                && account.wabaId() != null
                && onboardingNumber().isPresent();
    }

    private MetaId onboardingNumberId() {
        return onboardingNumber()
                .orElseThrow(() -> new IllegalStateException("onboarding has no number of this configuration"))
                .id();
    }

    private Changed advanced(Onboarding next, ConfigEvent.Type type, Clock clock) {
        return changedTo(with(account, phoneNumbers, app, token, webhook, next, active, clock.instant()), type);
    }

    private Changed switchedTo(boolean newActive, ConfigEvent.Type type, Clock clock) {
        return changedTo(
                with(account, phoneNumbers, app, token, webhook, onboarding, newActive, clock.instant()), type);
    }

    /**
     * {@code after} with the event of this change: every field whose value differs between this
     * configuration and {@code after}, including those a change alters in passing (a new access
     * token forgets the old one's expiry; a replaced default number takes its PIN with it).
     */
    private Changed changedTo(TenantConfig after, ConfigEvent.Type type) {
        return new Changed(after, new ConfigEvent(type, ChangedFields.between(this, after)));
    }

    private static TenantConfig blank(TenantId tenantId, UserId user, Instant now) {
        return new TenantConfig(
                0,
                tenantId,
                WhatsAppAccount.NONE,
                PhoneNumbers.NONE,
                AppCredentials.NONE,
                TokenGrant.NONE,
                Webhook.NONE,
                Onboarding.notStarted(user),
                true,
                AccountStanding.GOOD,
                now,
                now,
                0);
    }

    private TenantConfig with(TenantConfigChanges.Applied settings, Instant now) {
        return with(
                settings.account(),
                settings.phoneNumbers(),
                settings.app(),
                settings.token(),
                settings.webhook(),
                onboarding,
                settings.active(),
                now);
    }

    private TenantConfig withNumbers(PhoneNumbers newNumbers, Instant now) {
        return with(account, newNumbers, app, token, webhook, onboarding, active, now);
    }

    private TenantConfig withNumbers(PhoneNumbers newNumbers) {
        return withNumbers(newNumbers, updatedAt);
    }

    /** This configuration (same id, tenant, creation time and version) with new parts, changed at {@code now}. */
    private TenantConfig with(
            WhatsAppAccount newAccount,
            PhoneNumbers newNumbers,
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
                newNumbers,
                newApp,
                newToken,
                newWebhook,
                newOnboarding,
                newActive,
                standing,
                createdAt,
                now,
                version);
    }
}
