package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

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

    /** The settings of {@code current} with these changes applied, and the names of those that changed. */
    Applied applyTo(TenantConfig current) {
        FieldEdits edits = new FieldEdits();
        WhatsAppAccount account = new WhatsAppAccount(
                edits.apply("waba_id", wabaId, current.account().wabaId()),
                edits.apply("business_id", businessId, current.account().businessId()));
        PhoneNumber phone = current.phoneNumber()
                .identifiedAs(edits.apply(
                        "phone_number_id", phoneNumberId, current.phoneNumber().id()));
        phone = phone.displayedAs(edits.apply("display_phone_number", displayPhoneNumber, phone.displayNumber()));
        AppCredentials app = new AppCredentials(
                edits.apply("fb_app_id", fbAppId, current.app().appId()),
                edits.apply("fb_app_secret", fbAppSecret, current.app().appSecret()));
        TokenGrant token = current.token()
                .withAccessToken(
                        edits.apply("access_token", accessToken, current.token().accessToken()));
        token = token.withRefreshToken(edits.apply("refresh_token", refreshToken, token.refreshToken()));
        token = token.expiringAt(edits.apply("token_expires_at", tokenExpiresAt, token.expiresAt()));
        Webhook webhook = new Webhook(
                edits.apply("callback_url", callbackUrl, current.webhook().callbackUrl()),
                edits.apply("verify_token", verifyToken, current.webhook().verifyToken()),
                edits.apply("redirect_url", redirectUrl, current.webhook().redirectUrl()));
        boolean isActive = edits.flag("is_active", active, current.active());
        return new Applied(account, phone, app, token, webhook, isActive, edits.changed());
    }

    /** The settings after the changes, and the names of the fields whose value changed. */
    record Applied(
            WhatsAppAccount account,
            PhoneNumber phoneNumber,
            AppCredentials app,
            TokenGrant token,
            Webhook webhook,
            boolean active,
            Set<String> changedFields) {}
}
