package io.tenantconfig.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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
        Accounts accounts,
        PhoneNumbers phoneNumbers,
        AppCredentials app,
        CallbackSettings callbacks,
        Onboarding onboarding,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public TenantConfig {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(onboarding, "onboarding").requireHeldBy(accounts, phoneNumbers);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (id < 0 || version < 0) {
            throw new IllegalArgumentException("id and version are never negative");
        }
        for (PhoneNumber number : phoneNumbers.all()) {
            if (!accounts.contains(number.wabaId())) {
                throw new IllegalArgumentException(
                        "the number " + number.id() + " belongs to an account the configuration does not have");
            }
        }
    }

    /** A configuration a tenant sets up by hand: active unless the settings say otherwise, not onboarded. */
    public static Outcome create(TenantId tenantId, UserId user, SettingsUpdate initial, Clock clock) {
        TenantConfig blank = blank(tenantId, user, clock.instant());
        return initial.applyTo(blank)
                .outcome(settings -> blank.changedTo(blank.with(settings, blank.createdAt), DomainEvent.Created::new));
    }

    /**
     * A tenant's first Embedded Signup: its account with its number (the default), and each
     * other account the signup shared, all with the one token; stored at once, before any later
     * step, never lost. Refused when the signup shares more accounts than a tenant may have.
     */
    public static Outcome onboard(
            TenantId tenantId, UserId user, SignupAccount signup, AccessGrant grant, Limits limits, Clock clock) {
        return blank(tenantId, user, clock.instant()).reauthorize(user, signup, grant, limits, clock);
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
     * Embedded Signup again. A signup of an account the tenant has re-authorizes that account
     * only: its token is replaced and its number joins it. A signup of another account adds that
     * account (at most {@code limits.accounts()}), and the tenant's other accounts and numbers
     * stay. An unnamed account is the signed-up one: the signup names it. Onboarding restarts.
     */
    public Outcome reauthorize(UserId user, SignupAccount signup, AccessGrant grant, Limits limits, Clock clock) {
        MetaId signedUp = signup.wabaId();
        MetaId existing = accounts.contains(signedUp) || !accounts.contains(null) ? signedUp : null;
        Ruling<Accounts> withAccount = accounts.contains(existing)
                ? Ruling.allowed(accounts)
                : accounts.added(Account.NONE.withIds(new WhatsAppAccount(signedUp, null)), limits.accounts());
        return withAccount
                .map(all -> all.updated(existing, account -> signedUpAccount(account, signup.wabaId(), signup, grant)))
                .then(all -> shared(all, signup, grant, limits))
                .outcome(all -> phoneNumbers
                        .movedTo(existing, signedUp)
                        .signedUp(
                                signup.phoneNumberId(),
                                signedUp,
                                signup.finish().coexistence(),
                                limits.phoneNumbers())
                        .outcome(numbers -> signedUp(user, signup, all, numbers, clock)));
    }

    /** Each other account the signup shared, added or re-authorized with its token; refused past the limit. */
    private static Ruling<Accounts> shared(Accounts accounts, SignupAccount signup, AccessGrant grant, Limits limits) {
        Ruling<Accounts> ruling = Ruling.allowed(accounts);
        for (MetaId wabaId : signup.sharedWabaIds()) {
            ruling = ruling.then(all -> (all.contains(wabaId)
                            ? Ruling.allowed(all)
                            : all.added(Account.NONE.withIds(new WhatsAppAccount(wabaId, null)), limits.accounts()))
                    .map(more -> more.updated(wabaId, account -> signedUpAccount(account, wabaId, signup, grant))));
        }
        return ruling;
    }

    /**
     * Adds a number to the account {@code wabaId}, the default when it is the first. Without a
     * {@code wabaId} the number joins the tenant's only account (refused when it has several); an
     * account the tenant does not have is added. Refused when the number is one already, or one too many.
     */
    public Outcome addPhoneNumber(PhoneNumber number, Limits limits, Clock clock) {
        MetaId wabaId = number.wabaId();
        if (wabaId == null && accounts.size() > 1) {
            return accountNeeded();
        }
        MetaId account =
                wabaId == null && accounts.size() == 1 ? accounts.all().get(0).wabaId() : wabaId;
        Ruling<Accounts> withAccount = accounts.contains(account)
                ? Ruling.allowed(accounts)
                : accounts.added(Account.NONE.withIds(new WhatsAppAccount(account, null)), limits.accounts());
        return withAccount.outcome(all -> phoneNumbers
                .added(number.inAccount(account), limits.phoneNumbers())
                .outcome(numbers -> changedTo(
                        with(Settings.of(this).withAccounts(all).withNumbers(numbers), clock.instant()),
                        DomainEvent.PhoneNumberAdded::new)));
    }

    /**
     * The refusal a number to be created in the account {@code wabaId} ({@code null}: the tenant's
     * only one) would meet, checked before Meta is asked to create it: the tenant names no account
     * of its own with a token to create it with, or has as many numbers as it may.
     */
    public Optional<Refusal> refusesNewNumber(MetaId wabaId, Limits limits) {
        if (wabaId == null && accounts.size() > 1) {
            return Optional.of(accountNeeded());
        }
        Optional<Account> account = newNumberAccount(wabaId);
        if (account.isEmpty()) {
            return Optional.of(
                    wabaId == null
                            ? new Refusal(
                                    Refusal.Reason.INCOMPLETE,
                                    "the configuration has no WhatsApp Business Account (waba_id) to create the number in;"
                                            + " finish the WhatsApp signup first")
                            : unknownAccount(wabaId));
        }
        if (account.get().token().accessToken() == null) {
            return Optional.of(new Refusal(
                    Refusal.Reason.INCOMPLETE,
                    "the WhatsApp Business Account " + account.get().wabaId()
                            + " has no access token to create the number with"));
        }
        return phoneNumbers.full(limits.phoneNumbers());
    }

    /** The account a new number is created in: {@code wabaId}, or the tenant's only one; a named one of the tenant's. */
    public Optional<Account> newNumberAccount(MetaId wabaId) {
        MetaId named =
                wabaId == null && accounts.size() == 1 ? accounts.all().get(0).wabaId() : wabaId;
        return named == null ? Optional.empty() : accounts.find(named);
    }

    /**
     * The refusal verifying the number {@code id} would meet: it is not the tenant's, it has nothing
     * to verify (registered already, or a WhatsApp Business app's), or its account has no token to
     * ask Meta with.
     */
    public Optional<Refusal> refusesVerification(MetaId id) {
        Optional<PhoneNumber> number = phoneNumbers.find(id);
        if (number.isEmpty()) {
            return Optional.of(new Refusal(
                    Refusal.Reason.UNKNOWN_NUMBER, "the phone number " + id + " is not one of this configuration's"));
        }
        if (number.get().coexistence()) {
            return Optional.of(new Refusal(
                    Refusal.Reason.NUMBER_REGISTERED,
                    "the phone number " + id + " is a WhatsApp Business app's: the app holds its registration,"
                            + " and it is never verified or registered again here"));
        }
        if (number.get().registeredAt() != null) {
            return Optional.of(new Refusal(
                    Refusal.Reason.NUMBER_REGISTERED,
                    "the phone number " + id + " is registered for the Cloud API already (registered_at "
                            + number.get().registeredAt() + "); there is nothing to verify"));
        }
        if (accountOf(id).map(account -> account.token().accessToken()).isEmpty()) {
            return Optional.of(new Refusal(
                    Refusal.Reason.INCOMPLETE,
                    "the WhatsApp Business Account of the phone number " + id
                            + " has no access token to ask Meta with"));
        }
        return Optional.empty();
    }

    /** Meta sent the number {@code id} a verification code at the tenant's request. */
    public Outcome verificationCodeRequested(MetaId id, Clock clock) {
        Instant now = clock.instant();
        return refusesVerification(id)
                .<Outcome>map(refusal -> refusal)
                .orElseGet(() -> changedTo(
                        with(phoneNumbers.changed(id, number -> number.codeRequested(now)), now),
                        DomainEvent.VerificationCodeRequested::new));
    }

    /** Meta accepted the code the number {@code id} received; unchanged when it awaited none. */
    public Outcome phoneNumberVerified(MetaId id, Clock clock) {
        Optional<Refusal> refused = refusesVerification(id);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!phoneNumbers.find(id).orElseThrow().verification().awaitsCode()) {
            return new Outcome.Unchanged();
        }
        Instant now = clock.instant();
        return changedTo(
                with(phoneNumbers.changed(id, PhoneNumber::verified), now), DomainEvent.PhoneNumberVerified::new);
    }

    /** The PIN chosen for registering the verified number {@code id}, stored before Meta is asked to use it. */
    public Outcome numberPinChosen(MetaId id, Secret pin, Clock clock) {
        return refusesRegistration(id).<Outcome>map(refusal -> refusal).orElseGet(() -> pinChosen(id, pin, clock));
    }

    /** Meta registered the verified number {@code id} for the Cloud API at the tenant's request: it is put in use. */
    public Outcome phoneNumberRegistered(MetaId id, Clock clock) {
        Instant now = clock.instant();
        return refusesRegistration(id)
                .<Outcome>map(refusal -> refusal)
                .orElseGet(() -> changedTo(
                        with(phoneNumbers.changed(id, number -> number.registeredBy(now)), now),
                        DomainEvent.PhoneNumberRegistered::new));
    }

    private Optional<Refusal> refusesRegistration(MetaId id) {
        return refusesVerification(id)
                .or(() -> phoneNumbers.find(id).orElseThrow().verification().verified()
                        ? Optional.empty()
                        : Optional.of(new Refusal(
                                Refusal.Reason.NUMBER_NOT_VERIFIED,
                                "the phone number " + id
                                        + " is not verified yet; enter the code Meta sent to it first")));
    }

    /** Sets one account's token by hand; what was known of the old one (its check, its type) is forgotten. */
    public Outcome setAccountToken(MetaId wabaId, Secret token, Instant expiresAt, Clock clock) {
        return withAccount(
                        wabaId,
                        account -> account.withToken(
                                account.token().withAccessToken(token).expiringAt(expiresAt)))
                .outcome(all -> changedTo(
                        with(Settings.of(this).withAccounts(all), clock.instant()), DomainEvent.SettingsChanged::new));
    }

    /**
     * Removes one account with its numbers; refused while it holds the default number and another
     * account has numbers (one of those has to become the default first).
     */
    public Outcome removeAccount(MetaId wabaId, Clock clock) {
        if (!accounts.contains(wabaId)) {
            return unknownAccount(wabaId);
        }
        return phoneNumbers
                .withoutAccount(wabaId)
                .outcome(numbers -> changedTo(
                        with(
                                Settings.of(this)
                                        .withAccounts(accounts.without(wabaId))
                                        .withNumbers(numbers),
                                clock.instant()),
                        DomainEvent.AccountRemoved::new));
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

    /**
     * The account the earlier single-account fields ({@code waba_id}, {@code business_id},
     * {@code access_token}, {@code token_expires_at}) mean: the default number's, else the first
     * one added; {@link Account#NONE} for a tenant without an account.
     */
    public Account primaryAccount() {
        return defaultNumber()
                .flatMap(number -> accounts.find(number.wabaId()))
                .or(() -> accounts.all().stream().findFirst())
                .orElse(Account.NONE);
    }

    /** The primary account's ids. */
    public WhatsAppAccount account() {
        return primaryAccount().ids();
    }

    /** The primary account's token. */
    public TokenGrant token() {
        return primaryAccount().token();
    }

    /** What Meta last said about the primary account. */
    public AccountStanding standing() {
        return primaryAccount().standing();
    }

    /** The account the number {@code phoneNumberId} belongs to, when it is one of the tenant's. */
    public Optional<Account> accountOf(MetaId phoneNumberId) {
        return phoneNumbers.find(phoneNumberId).flatMap(number -> accounts.find(number.wabaId()));
    }

    /** The number the last signup named, while the tenant still has it: the one onboarding registers. */
    public Optional<PhoneNumber> onboardingNumber() {
        return onboarding.phoneNumberId() == null ? Optional.empty() : phoneNumbers.find(onboarding.phoneNumberId());
    }

    /** The account the last signup named: the one whose token and id onboarding works with. */
    public Account onboardingAccount() {
        return onboarding.wabaId() == null
                ? Account.NONE
                : accounts.find(onboarding.wabaId()).orElse(Account.NONE);
    }

    /**
     * Meta confirmed the account's token: when it expires ({@code null}: never), its type and scopes,
     * and that it was checked now. A {@code null} type or empty scopes (not reported) keep what was known.
     */
    public Changed tokenVerified(MetaId wabaId, Instant expiresAt, String tokenType, Set<String> scopes, Clock clock) {
        Instant now = clock.instant();
        Accounts verified = accounts.updated(
                wabaId,
                account -> account.withToken(account.token().verified(expiresAt, now))
                        .withTokenType(tokenType == null ? account.tokenType() : tokenType)
                        .withScopes(scopes == null || scopes.isEmpty() ? account.scopes() : scopes));
        return changedTo(
                with(Settings.of(this).withAccounts(verified), now),
                (t, f) -> new DomainEvent.TokenVerified(t, f, expiresAt));
    }

    /** Meta extended the account's token: the new one replaces it. Every other setting is kept; the onboarding status too. */
    public Changed tokenRefreshed(MetaId wabaId, AccessGrant grant, Clock clock) {
        Instant now = clock.instant();
        Accounts refreshed = accounts.updated(
                wabaId, account -> account.withToken(account.token().refreshedBy(grant, now)));
        return changedTo(
                with(Settings.of(this).withAccounts(refreshed), now),
                (t, f) -> new DomainEvent.TokenRefreshed(t, f, grant.expiresAt()));
    }

    /** The PIN chosen for registering the onboarding number, stored before Meta is asked to use it. */
    public Changed registrationPinChosen(Secret pin, Clock clock) {
        return pinChosen(onboardingNumberId(), pin, clock);
    }

    private Changed pinChosen(MetaId id, Secret pin, Clock clock) {
        PhoneNumbers chosen = phoneNumbers.changed(id, number -> number.registeredWith(pin));
        return changedTo(with(chosen, clock.instant()), DomainEvent.RegistrationPinChosen::new);
    }

    /** Onboarding subscribed our app to the webhooks of the accounts {@code wabaIds} (those its signup shared). */
    public Changed webhookSubscribed(Collection<MetaId> wabaIds, Clock clock) {
        Instant now = clock.instant();
        Onboarding subscribed = onboarding.reached(Onboarding.Step.WEBHOOK_SUBSCRIBED);
        Accounts accountsSubscribed = subscribing(wabaIds, now);
        return changedTo(
                with(Settings.of(this).withAccounts(accountsSubscribed), now).with(subscribed, now),
                DomainEvent.WebhookSubscribed::new);
    }

    /**
     * Our app was subscribed again, at a person's request, to the webhooks of the accounts
     * {@code wabaIds}; those the tenant no longer has are passed over, and unchanged when none is left.
     */
    public Outcome webhookResubscribed(Collection<MetaId> wabaIds, Clock clock) {
        if (wabaIds.stream().noneMatch(accounts::contains)) {
            return new Outcome.Unchanged();
        }
        Instant now = clock.instant();
        return changedTo(
                with(Settings.of(this).withAccounts(subscribing(wabaIds, now)), now),
                DomainEvent.WebhookResubscribed::new);
    }

    private Accounts subscribing(Collection<MetaId> wabaIds, Instant at) {
        Accounts subscribed = accounts;
        for (MetaId wabaId : wabaIds) {
            subscribed = subscribed.updated(wabaId, account -> account.withSubscription(at));
        }
        return subscribed;
    }

    /**
     * Meta says the number the signup named is not verified (a v4 signup can finish with such a
     * number): it is kept out of use, to be verified through the service, and nothing is registered.
     */
    public Outcome onboardingNumberUnverified(Clock clock) {
        if (!onboardingNumber().orElseThrow().verification().verified()) {
            return new Outcome.Unchanged();
        }
        PhoneNumbers unverified = phoneNumbers.changed(onboardingNumberId(), PhoneNumber::awaitingVerification);
        return changedTo(with(unverified, clock.instant()), DomainEvent.PhoneNumberChanged::new);
    }

    /** Onboarding registered its number for the Cloud API. */
    public Changed phoneRegistered(Clock clock) {
        Instant now = clock.instant();
        // Meta registers only a verified number.
        PhoneNumbers registered = phoneNumbers.changed(
                onboardingNumberId(), number -> number.signedUp().registeredAt(now));
        Onboarding reached = onboarding.reached(Onboarding.Step.PHONE_REGISTERED);
        return changedTo(with(registered, now).with(reached, now), DomainEvent.PhoneRegistered::new);
    }

    /** Every step succeeded. */
    public Changed onboardingCompleted(Clock clock) {
        Instant now = clock.instant();
        return changedTo(with(onboarding.completedAt(now), now), DomainEvent.OnboardingCompleted::new);
    }

    /** Meta refused the stored token of the onboarding's account: nothing more can be done with it until the tenant signs up again. */
    public Changed reauthorizationRequired(DomainEvent.ReauthorizationRequired.FoundBy by, Clock clock) {
        Onboarding required = onboarding.reauthorizationRequired();
        return changedTo(with(required, clock.instant()), (t, f) -> new DomainEvent.ReauthorizationRequired(t, f, by));
    }

    /**
     * Whether the tenant has a WhatsApp Business Account but no phone number yet (a signup that
     * finished without one), or only numbers still to be verified: nothing can be sent until it
     * adds or verifies one. A token set by hand without
     * its account does not count: it may be meant for numbers from the environment.
     */
    public boolean needsPhoneNumber() {
        return phoneNumbers.all().stream()
                        .noneMatch(number -> number.verification().verified())
                && accounts.all().stream().anyMatch(account -> account.wabaId() != null);
    }

    /** Whether the loader serves this configuration: switched on, and its primary account not taken out of service by Meta. */
    public boolean inService() {
        return active && primaryAccount().serving();
    }

    /** Whether the loader serves the number: switched on, and the number's account not taken out of service by Meta. */
    public boolean inService(PhoneNumber number) {
        return active && accounts.find(number.wabaId()).map(Account::serving).orElse(true);
    }

    /**
     * Meta reported a change in the standing of the account {@code wabaId}; unchanged when it is
     * the same (a repeated webhook), refused when the tenant has no such account.
     */
    public Outcome standingChanged(MetaId wabaId, AccountStanding next, Clock clock) {
        Optional<Account> account = accounts.find(wabaId);
        if (wabaId == null || account.isEmpty()) {
            return unknownAccount(wabaId);
        }
        AccountStanding current = account.get().standing();
        if (next.status() == current.status() && Objects.equals(next.detail(), current.detail())) {
            return new Outcome.Unchanged();
        }
        Accounts changed = accounts.updated(wabaId, a -> a.withStanding(next));
        return changedTo(
                with(Settings.of(this).withAccounts(changed), clock.instant()),
                (t, f) -> new DomainEvent.AccountStandingChanged(t, f, wabaId, next));
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
        return Onboarding.runnable(accounts, phoneNumbers, onboarding.wabaId(), onboarding.phoneNumberId());
    }

    private MetaId onboardingNumberId() {
        return onboardingNumber()
                .orElseThrow(() -> new IllegalStateException("onboarding has no number of this configuration"))
                .id();
    }

    /** A signup whose accounts and numbers are decided: its redirect URL set, and onboarding restarted. */
    private Changed signedUp(UserId user, SignupAccount signup, Accounts all, PhoneNumbers numbers, Clock clock) {
        Settings applied = Settings.of(this).withAccounts(all).withNumbers(numbers);
        if (signup.redirectUrl() != null) {
            applied = applied.withCallbacks(callbacks.redirectingTo(signup.redirectUrl()));
        }
        Instant now = clock.instant();
        TenantConfig signedUp =
                with(applied, now).with(onboarding.restartedBy(user, signup.wabaId(), signup.phoneNumberId()), now);
        MetaId businessAppNumber = signup.finish().coexistence() ? signup.phoneNumberId() : null;
        return changedTo(
                signedUp, (tenant, fields) -> new DomainEvent.TokenExchanged(tenant, fields, businessAppNumber));
    }

    /** An account the signup shared, named {@code wabaId}: its business when the signup gives it, the signup's token. */
    private static Account signedUpAccount(Account account, MetaId wabaId, SignupAccount signup, AccessGrant grant) {
        MetaId businessId = signup.businessId() == null ? account.ids().businessId() : signup.businessId();
        return account.withIds(new WhatsAppAccount(wabaId, businessId))
                .withToken(account.token().withAccessToken(grant.token()).expiringAt(grant.expiresAt()));
    }

    /** The accounts with the one named {@code wabaId} changed; refused when the tenant has no such account. */
    private Ruling<Accounts> withAccount(MetaId wabaId, UnaryOperator<Account> change) {
        return accounts.contains(wabaId) && wabaId != null
                ? Ruling.allowed(accounts.updated(wabaId, change))
                : Ruling.refused(
                        Refusal.Reason.UNKNOWN_ACCOUNT, unknownAccount(wabaId).detail());
    }

    private Refusal accountNeeded() {
        return new Refusal(
                Refusal.Reason.ACCOUNT_NEEDED,
                "waba_id: required, you have " + accounts.size()
                        + " WhatsApp Business Accounts; name the one the number belongs to");
    }

    private static Refusal unknownAccount(MetaId wabaId) {
        return new Refusal(
                Refusal.Reason.UNKNOWN_ACCOUNT,
                "the WhatsApp Business Account " + wabaId + " is not one of this configuration's");
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
        return Settings.INITIAL.toConfig(0, tenantId, new Onboarding.NotStarted(user), now, now, 0);
    }

    private TenantConfig with(PhoneNumbers next, Instant now) {
        return with(Settings.of(this).withNumbers(next), now);
    }

    private TenantConfig with(Settings next, Instant now) {
        return copy(next, onboarding, now);
    }

    private TenantConfig with(Onboarding next, Instant now) {
        return copy(Settings.of(this), next, now);
    }

    /** The one way to derive a changed copy: same id, tenant, creation time and version, changed at {@code now}. */
    private TenantConfig copy(Settings settings, Onboarding newOnboarding, Instant now) {
        return settings.toConfig(
                id,
                tenantId,
                newOnboarding.heldBy(settings.accounts(), settings.phoneNumbers()),
                createdAt,
                now,
                version);
    }
}
