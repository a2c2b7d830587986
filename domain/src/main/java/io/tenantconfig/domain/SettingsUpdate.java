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
 * {@link PhoneNumbers#withDefaultReplacedBy}).
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
     * What an Embedded Signup sets besides its number (which {@link TenantConfig#reauthorize}
     * adds): the account it names, the business and redirect URL when it gives them, and the
     * token just issued with its expiry.
     */
    static SettingsUpdate signup(SignupAccount account, AccessGrant grant) {
        return new SettingsUpdate(
                FieldUpdate.to(account.wabaId()),
                FieldUpdate.toIfGiven(account.businessId()),
                FieldUpdate.keep(),
                FieldUpdate.keep(),
                FieldUpdate.keep(),
                FieldUpdate.keep(),
                FieldUpdate.to(grant.token()),
                FieldUpdate.keep(),
                FieldUpdate.toOrClear(grant.expiresAt()),
                FieldUpdate.keep(),
                FieldUpdate.keep(),
                FieldUpdate.toIfGiven(account.redirectUrl()),
                FieldUpdate.keep());
    }

    /** The settings of {@code current} with these changes applied, or why the rules of the numbers refuse them. */
    Ruling<Settings> applyTo(TenantConfig current) {
        Settings applied = applyKeepingNumbers(current);
        return current.phoneNumbers()
                .withDefaultReplacedBy(
                        phoneNumberId.applyTo(current.phoneNumbers().defaultId()))
                .then(this::displayed)
                .then(numbers -> inAccount(current, applied.account(), numbers))
                .map(applied::withNumbers);
    }

    /**
     * The settings of {@code current} with every change applied but those to its numbers, which
     * are kept: what a signup sets, whose number {@link TenantConfig#reauthorize} adds by rules of
     * its own.
     */
    Settings applyKeepingNumbers(TenantConfig current) {
        WhatsAppAccount account = new WhatsAppAccount(
                wabaId.applyTo(current.account().wabaId()),
                businessId.applyTo(current.account().businessId()));
        AppCredentials app = new AppCredentials(
                fbAppId.applyTo(current.app().appId()),
                fbAppSecret.applyTo(current.app().appSecret()));
        CallbackSettings callbacks = new CallbackSettings(
                callbackUrl.applyTo(current.callbacks().callbackUrl()),
                verifyToken.applyTo(current.callbacks().verifyToken()),
                redirectUrl.applyTo(current.callbacks().redirectUrl()));
        return new Settings(
                account,
                current.phoneNumbers(),
                app,
                tokenAfter(current.token()),
                callbacks,
                active.applyTo(current.active()));
    }

    /** The token after these changes; a different access token starts with nothing known about it. */
    private TokenGrant tokenAfter(TokenGrant before) {
        TokenGrant token = before.withAccessToken(accessToken.applyTo(before.accessToken()));
        token = token.withRefreshToken(refreshToken.applyTo(token.refreshToken()));
        return token.expiringAt(tokenExpiresAt.applyTo(token.expiresAt()));
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
     * A tenant's numbers are all of its one WhatsApp Business Account: the account can be filled
     * in, but not swapped for another while numbers of the old one remain.
     */
    private static Ruling<PhoneNumbers> inAccount(TenantConfig current, WhatsAppAccount account, PhoneNumbers numbers) {
        MetaId before = current.account().wabaId();
        if (before == null || before.equals(account.wabaId())) {
            return Ruling.allowed(numbers);
        }
        List<MetaId> kept = numbers.all().stream()
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
