package io.tenantconfig.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant's WhatsApp Business credentials and settings: the aggregate. Immutable, made of small
 * value records; each rule returns the new state with its event, or an {@link Outcome} when it may
 * also change nothing or refuse (a rule of the numbers): a refusal is an answer, returned, not thrown.
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
        CallbackSettings callbacks,
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
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(onboarding, "onboarding").requireHeldBy(token, account, phoneNumbers);
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (id < 0 || version < 0) {
            throw new IllegalArgumentException("id and version are never negative");
        }
    }

    /** A configuration a tenant sets up by hand: active unless the settings say otherwise, not onboarded. */
    public static Outcome create(TenantId tenantId, UserId user, SettingsUpdate initial, Clock clock) {
        TenantConfig blank = blank(tenantId, user, clock.instant());
        return initial.applyTo(blank)
                .outcome(settings -> blank.changedTo(blank.with(settings, blank.createdAt), DomainEvent.Created::new));
    }

    /** A tenant's first Embedded Signup, its number the only one: stored at once, before any later step, never lost. */
    public static Changed onboard(
            TenantId tenantId, UserId user, SignupAccount account, AccessGrant grant, Clock clock) {
        PhoneNumbers first = PhoneNumbers.only(PhoneNumber.added(account.phoneNumberId(), null, null));
        return blank(tenantId, user, clock.instant()).signedUp(user, account, grant, first, clock);
    }

    /** Applies a partial update: the settings not mentioned keep their values. */
    public Outcome changeSettings(SettingsUpdate update, Clock clock) {
        return update.applyTo(this)
                .outcome(settings -> changedTo(with(settings, clock.instant()), DomainEvent.SettingsChanged::new));
    }

    /** Puts the configuration back in use (the loader serves it again); unchanged when it is in use already. */
    public Outcome activate(Clock clock) {
        return active ? new Outcome.Unchanged() : switchedTo(true, DomainEvent.Activated::new, clock);
    }

    /** Takes the configuration out of use without deleting it; unchanged when it is out of use already. */
    public Outcome deactivate(Clock clock) {
        return active ? switchedTo(false, DomainEvent.Deactivated::new, clock) : new Outcome.Unchanged();
    }

    /**
     * Embedded Signup again: the signup's account and token replace the old ones, its number joins
     * the tenant's (at most {@code limit}: {@link PhoneNumbers#signedUp}), and onboarding restarts.
     */
    public Outcome reauthorize(UserId user, SignupAccount signup, AccessGrant grant, int limit, Clock clock) {
        boolean sameAccount = account.wabaId() == null || account.wabaId().equals(signup.wabaId());
        return phoneNumbers
                .signedUp(signup.phoneNumberId(), sameAccount, limit)
                .outcome(numbers -> signedUp(user, signup, grant, numbers, clock));
    }

    /** Adds a number, the default when it is the first; refused when it is one already, or one too many. */
    public Outcome addPhoneNumber(PhoneNumber number, int limit, Clock clock) {
        return numbersChanged(phoneNumbers.added(number, limit), DomainEvent.PhoneNumberAdded::new, clock);
    }

    /** Changes one number's label, use, or whether it is the default (another one has to become it). */
    public Outcome changePhoneNumber(MetaId id, PhoneNumberUpdate update, Clock clock) {
        return numbersChanged(phoneNumbers.changed(id, update), DomainEvent.PhoneNumberChanged::new, clock);
    }

    /** Removes one number, with its PIN; refused for the default while other numbers remain. */
    public Outcome removePhoneNumber(MetaId id, Clock clock) {
        return numbersChanged(phoneNumbers.removed(id), DomainEvent.PhoneNumberRemoved::new, clock);
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
        Settings verified = Settings.of(this).withToken(token.verified(expiresAt, now));
        return changedTo(with(verified, now), (t, f) -> new DomainEvent.TokenVerified(t, f, expiresAt));
    }

    /** Meta extended the token: the new one replaces it. Every other setting is kept; the onboarding status too. */
    public Changed tokenRefreshed(AccessGrant grant, Clock clock) {
        Instant now = clock.instant();
        Settings refreshed = Settings.of(this).withToken(token.refreshedBy(grant, now));
        return changedTo(with(refreshed, now), (t, f) -> new DomainEvent.TokenRefreshed(t, f, grant.expiresAt()));
    }

    /** The PIN chosen for registering the onboarding number, stored before Meta is asked to use it. */
    public Changed registrationPinChosen(Secret pin, Clock clock) {
        PhoneNumbers chosen = phoneNumbers.changed(onboardingNumberId(), number -> number.registeredWith(pin));
        return changedTo(with(chosen, clock.instant()), DomainEvent.RegistrationPinChosen::new);
    }

    /** Onboarding subscribed our app to the WhatsApp Business Account's webhooks. */
    public Changed webhookSubscribed(Clock clock) {
        Onboarding subscribed = onboarding.reached(Onboarding.Step.WEBHOOK_SUBSCRIBED);
        return changedTo(with(subscribed, clock.instant()), DomainEvent.WebhookSubscribed::new);
    }

    /** Onboarding registered its number for the Cloud API. */
    public Changed phoneRegistered(Clock clock) {
        Instant now = clock.instant();
        PhoneNumbers registered = phoneNumbers.changed(onboardingNumberId(), number -> number.registeredAt(now));
        Onboarding reached = onboarding.reached(Onboarding.Step.PHONE_REGISTERED);
        return changedTo(with(registered, now).with(reached, now), DomainEvent.PhoneRegistered::new);
    }

    /** Every step succeeded. */
    public Changed onboardingCompleted(Clock clock) {
        Instant now = clock.instant();
        return changedTo(with(onboarding.completedAt(now), now), DomainEvent.OnboardingCompleted::new);
    }

    /** Meta refused the stored token: nothing more can be done with it until the tenant signs up again. */
    public Changed reauthorizationRequired(DomainEvent.ReauthorizationRequired.FoundBy by, Clock clock) {
        Onboarding required = onboarding.reauthorizationRequired();
        return changedTo(with(required, clock.instant()), (t, f) -> new DomainEvent.ReauthorizationRequired(t, f, by));
    }

    /** Whether the loader serves this configuration: switched on, and its account not taken out of service by Meta. */
    public boolean inService() {
        return active && standing.serving();
    }

    /** Meta reported a change in the account's standing; unchanged when it is the same (a repeated webhook). */
    public Outcome standingChanged(AccountStanding next, Clock clock) {
        if (next.status() == standing.status() && Objects.equals(next.detail(), standing.detail())) {
            return new Outcome.Unchanged();
        }
        TenantConfig after = copy(Settings.of(this), onboarding, next, clock.instant());
        return changedTo(after, (t, f) -> new DomainEvent.AccountStandingChanged(t, f, next));
    }

    /** Meta approved the name of the number shown as {@code displayNumber}; unchanged when none, or so named. */
    public Outcome nameApproved(String displayNumber, VerifiedName name, Clock clock) {
        return phoneNumbers
                .named(displayNumber, name)
                .<Outcome>map(renamed -> changedTo(with(renamed, clock.instant()), DomainEvent.PhoneNumberChanged::new))
                .orElseGet(Outcome.Unchanged::new);
    }

    /** Whether the onboarding steps can run on this configuration: it has a token, the account and the signed-up number. */
    public boolean holdsWhatOnboardingNeeds() {
        return Onboarding.runnable(token, account, phoneNumbers, onboarding.phoneNumberId());
    }

    private MetaId onboardingNumberId() {
        return onboardingNumber()
                .orElseThrow(() -> new IllegalStateException("onboarding has no number of this configuration"))
                .id();
    }

    /** A signup whose numbers are decided: its account and token set, and onboarding restarted. */
    private Changed signedUp(UserId user, SignupAccount signup, AccessGrant grant, PhoneNumbers numbers, Clock clock) {
        Settings applied = SettingsUpdate.signup(signup, grant).applyKeepingNumbers(this);
        Instant now = clock.instant();
        TenantConfig signedUp =
                with(applied.withNumbers(numbers), now).with(onboarding.restartedBy(user, signup.phoneNumberId()), now);
        return changedTo(signedUp, DomainEvent.TokenExchanged::new);
    }

    /** The numbers a rule allows, with the event of {@code kind}; or the rule's refusal. */
    private Outcome numbersChanged(Ruling<PhoneNumbers> numbers, DomainEvent.ConfigEvent.Kind kind, Clock clock) {
        return numbers.outcome(allowed -> changedTo(with(allowed, clock.instant()), kind));
    }

    private Changed switchedTo(boolean newActive, DomainEvent.ConfigEvent.Kind kind, Clock clock) {
        return changedTo(with(Settings.of(this).withActive(newActive), clock.instant()), kind);
    }

    /** {@code after} with the event naming every field that differs, also one a change alters in passing. */
    private Changed changedTo(TenantConfig after, DomainEvent.ConfigEvent.Kind kind) {
        return new Changed(after, kind.of(tenantId, ChangedFields.between(this, after)));
    }

    private static TenantConfig blank(TenantId tenantId, UserId user, Instant now) {
        return Settings.INITIAL.toConfig(
                0, tenantId, new Onboarding.NotStarted(user), AccountStanding.GOOD, now, now, 0);
    }

    private TenantConfig with(PhoneNumbers next, Instant now) {
        return with(Settings.of(this).withNumbers(next), now);
    }

    private TenantConfig with(Settings next, Instant now) {
        return copy(next, onboarding, standing, now);
    }

    private TenantConfig with(Onboarding next, Instant now) {
        return copy(Settings.of(this), next, standing, now);
    }

    /** The one way to derive a changed copy: same id, tenant, creation time and version, changed at {@code now}. */
    private TenantConfig copy(Settings settings, Onboarding newOnboarding, AccountStanding newStanding, Instant now) {
        return settings.toConfig(
                id,
                tenantId,
                newOnboarding.heldBy(settings.token(), settings.account(), settings.phoneNumbers()),
                newStanding,
                createdAt,
                now,
                version);
    }
}
