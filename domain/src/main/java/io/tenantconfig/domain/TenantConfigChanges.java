package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The settings a tenant writes, each kept, set or cleared: a new configuration starts from its
 * initial values in this shape, and a partial update applies one to the current configuration.
 * Every field may be left out, so the Meta ids can come later (or from onboarding), and the
 * ConfigLoader falls back field by field for what is missing.
 */
public record TenantConfigChanges(
        Change<MetaId> wabaId,
        Change<MetaId> businessId,
        Change<MetaId> phoneNumberId,
        Change<DisplayPhoneNumber> displayPhoneNumber,
        Change<MetaId> fbAppId,
        Change<Secret> fbAppSecret,
        Change<Secret> accessToken,
        Change<Secret> refreshToken,
        Change<Instant> tokenExpiresAt,
        Change<WebUrl> callbackUrl,
        Change<VerifyToken> verifyToken,
        Change<WebUrl> redirectUrl,
        Change<Boolean> active) {

    /** Nothing changes. */
    public static final TenantConfigChanges NONE = new TenantConfigChanges(
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep(),
            Change.keep());

    public TenantConfigChanges {
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
     * What an Embedded Signup sets: the account and number it names, the business and redirect
     * URL when it gives them, and the token just issued with its expiry.
     */
    static TenantConfigChanges signup(SignupAccount account, AccessGrant grant) {
        return new TenantConfigChanges(
                Change.to(account.wabaId()),
                Change.toIfGiven(account.businessId()),
                Change.to(account.phoneNumberId()),
                Change.keep(),
                Change.keep(),
                Change.keep(),
                Change.to(grant.token()),
                Change.keep(),
                Change.toOrClear(grant.expiresAt()),
                Change.keep(),
                Change.keep(),
                Change.toIfGiven(account.redirectUrl()),
                Change.keep());
    }

    /** The settings of {@code current} with these changes applied. */
    Applied applyTo(TenantConfig current) {
        WhatsAppAccount account = new WhatsAppAccount(
                wabaId.applyTo(current.account().wabaId()),
                businessId.applyTo(current.account().businessId()));
        PhoneNumber phone = current.phoneNumber()
                .identifiedAs(phoneNumberId.applyTo(current.phoneNumber().id()));
        phone = phone.displayedAs(displayPhoneNumber.applyTo(phone.displayNumber()));
        AppCredentials app = new AppCredentials(
                fbAppId.applyTo(current.app().appId()),
                fbAppSecret.applyTo(current.app().appSecret()));
        TokenGrant token = current.token()
                .withAccessToken(accessToken.applyTo(current.token().accessToken()));
        token = token.withRefreshToken(refreshToken.applyTo(token.refreshToken()));
        token = token.expiringAt(tokenExpiresAt.applyTo(token.expiresAt()));
        Webhook webhook = new Webhook(
                callbackUrl.applyTo(current.webhook().callbackUrl()),
                verifyToken.applyTo(current.webhook().verifyToken()),
                redirectUrl.applyTo(current.webhook().redirectUrl()));
        return new Applied(account, phone, app, token, webhook, active.applyTo(current.active()));
    }

    /** The settings after the changes. */
    record Applied(
            WhatsAppAccount account,
            PhoneNumber phoneNumber,
            AppCredentials app,
            TokenGrant token,
            Webhook webhook,
            boolean active) {}
}
