package io.tenantconfig.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The settings a tenant writes, each kept, set or cleared: a new configuration starts from its
 * initial values in this shape, and a partial update applies one to the current configuration.
 * Every field may be left out, so the Meta ids can come later (or from onboarding), and the
 * ConfigLoader falls back field by field for what is missing. {@code phoneNumberId} and
 * {@code displayPhoneNumber} are the default number's, as in the earlier single-number model (see
 * {@link PhoneNumbers#withDefaultReplacedBy}); the account fields are the primary account's.
 */
public record SettingsUpdate(
        FieldUpdate<MetaId> wabaId,
        FieldUpdate<MetaId> businessId,
        FieldUpdate<MetaId> phoneNumberId,
        FieldUpdate<DisplayPhoneNumber> displayPhoneNumber,
        FieldUpdate<MetaId> fbAppId,
        FieldUpdate<Secret> fbAppSecret,
        FieldUpdate<Secret> accessToken,
        FieldUpdate<Secret> refreshToken,
        FieldUpdate<Instant> tokenExpiresAt,
        FieldUpdate<WebUrl> callbackUrl,
        FieldUpdate<VerifyToken> verifyToken,
        FieldUpdate<WebUrl> redirectUrl,
        FieldUpdate<Boolean> active) {

    /** Nothing changes. */
    public static final SettingsUpdate NONE = new SettingsUpdate(
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep(),
            FieldUpdate.keep());

    public SettingsUpdate {
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
        Objects.requireNonNull(fbAppId, "fbAppId");
        Objects.requireNonNull(fbAppSecret, "fbAppSecret");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(redirectUrl, "redirectUrl");
        Objects.requireNonNull(active, "active");
        if (active.clears()) {
            // A flag has no "unknown": it can be set to true or false, not cleared.
            throw new InvalidValueException("cannot be cleared, only set to true or false");
        }
    }

    /**
     * The settings of {@code current} with these changes applied, or why the rules refuse them.
     * The account fields ({@code waba_id}, {@code business_id} and the token's) are those of the
     * tenant's primary account ({@link TenantConfig#primaryAccount}), as in the earlier
     * single-account model: they act on that account only, and a tenant without one gets one.
     */
    Ruling<Settings> applyTo(TenantConfig current) {
        Account primary = current.primaryAccount();
        MetaId before = primary.wabaId();
        MetaId after = wabaId.applyTo(before);
        Account updated = primary.withIds(new WhatsAppAccount(
                        after, businessId.applyTo(primary.ids().businessId())))
                .withToken(tokenAfter(primary.token()));
        AppCredentials app = new AppCredentials(
                fbAppId.applyTo(current.app().appId()),
                fbAppSecret.applyTo(current.app().appSecret()));
        CallbackSettings callbacks = new CallbackSettings(
                callbackUrl.applyTo(current.callbacks().callbackUrl()),
                verifyToken.applyTo(current.callbacks().verifyToken()),
                redirectUrl.applyTo(current.callbacks().redirectUrl()));
        return renamed(current.accounts(), before, after)
                .map(accounts -> accounts.put(before, account -> updated))
                .then(accounts -> current.phoneNumbers()
                        .withDefaultReplacedBy(
                                phoneNumberId.applyTo(current.phoneNumbers().defaultId()), before)
                        .then(this::displayed)
                        .then(numbers -> inAccount(current, before, after, numbers))
                        .map(numbers -> new Settings(
                                accounts,
                                numbers.movedTo(before, after),
                                app,
                                callbacks,
                                active.applyTo(current.active()))));
    }

    /** The token after these changes; a different access token starts with nothing known about it. */
    private TokenGrant tokenAfter(TokenGrant before) {
        TokenGrant token = before.withAccessToken(accessToken.applyTo(before.accessToken()));
        token = token.withRefreshToken(refreshToken.applyTo(token.refreshToken()));
        return token.expiringAt(tokenExpiresAt.applyTo(token.expiresAt()));
    }

    /** The primary account may be named or renamed, but not after another account of the tenant's. */
    private static Ruling<Accounts> renamed(Accounts accounts, MetaId before, MetaId after) {
        if (!Objects.equals(before, after) && accounts.contains(after)) {
            return Ruling.refused(
                    Refusal.Reason.ACCOUNT_ALREADY_ADDED,
                    after == null
                            ? "another of your accounts has no waba_id already; name it first"
                            : "the WhatsApp Business Account " + after
                                    + " is another of your accounts already; its numbers and token are set through"
                                    + " /api/v1/tenant/config/accounts/" + after);
        }
        return Ruling.allowed(accounts);
    }

    /** The default number shown as {@code displayPhoneNumber} says; there has to be one to show. */
    private Ruling<PhoneNumbers> displayed(PhoneNumbers numbers) {
        if (numbers.defaultId() != null) {
            return Ruling.allowed(numbers.changed(
                    numbers.defaultId(), n -> n.displayedAs(displayPhoneNumber.applyTo(n.displayNumber()))));
        }
        if (displayPhoneNumber.newValue().isPresent()) {
            return Ruling.refused(
                    Refusal.Reason.INCOMPLETE, "a display_phone_number needs a phone_number_id: it shows that number");
        }
        return Ruling.allowed(numbers);
    }

    /**
     * The numbers of an account belong to it: the primary account can be named, but not renamed
     * while numbers of the old one remain (unless the request replaces them).
     */
    private static Ruling<PhoneNumbers> inAccount(
            TenantConfig current, MetaId before, MetaId after, PhoneNumbers numbers) {
        if (before == null || before.equals(after)) {
            return Ruling.allowed(numbers);
        }
        List<MetaId> kept = numbers.inAccount(before).stream()
                .map(PhoneNumber::id)
                .filter(current.phoneNumbers()::contains)
                .toList();
        if (kept.isEmpty()) {
            return Ruling.allowed(numbers);
        }
        return Ruling.refused(
                Refusal.Reason.NUMBERS_IN_ANOTHER_ACCOUNT,
                "the phone numbers " + kept + " belong to the WhatsApp Business Account " + before
                        + "; remove them (or replace the default number in the same request) before changing waba_id");
    }
}
