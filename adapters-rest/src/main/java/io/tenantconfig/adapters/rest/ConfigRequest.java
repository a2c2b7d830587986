package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.Change;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Moment;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfigChanges;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;

/**
 * The body of {@code POST} and {@code PUT /config}: every writable field, each left out (keep),
 * {@code null} (clear) or a value. Jackson refuses unknown and read-only fields and wrong JSON
 * types; {@link #toChanges} then checks every value and names all refused ones at once.
 */
@BodyFields(
        of = "a tenant configuration",
        readOnly = {
            "id",
            "config_id",
            "tenant_id",
            "user_id",
            "onboarding_completed",
            "onboarded_at",
            "onboarding_status",
            "last_verified_at",
            "created_at",
            "updated_at",
            "version"
        })
record ConfigRequest(
        @JsonProperty("waba_id") Change<String> wabaId,
        @JsonProperty("business_id") Change<String> businessId,
        @JsonProperty("phone_number_id") Change<String> phoneNumberId,
        @JsonProperty("display_phone_number") Change<String> displayPhoneNumber,
        @JsonProperty("fb_app_id") Change<String> fbAppId,
        @JsonProperty("fb_app_secret") Change<String> fbAppSecret,
        @JsonProperty("access_token") Change<String> accessToken,
        @JsonProperty("refresh_token") Change<String> refreshToken,
        @JsonProperty("token_expires_at") Change<String> tokenExpiresAt,
        @JsonProperty("callback_url") Change<String> callbackUrl,
        @JsonProperty("verify_token") Change<String> verifyToken,
        @JsonProperty("redirect_url") Change<String> redirectUrl,
        @JsonProperty("is_active") Change<Boolean> isActive) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    TenantConfigChanges toChanges() {
        FieldErrors errors = new FieldErrors();
        TenantConfigChanges changes = new TenantConfigChanges(
                errors.change("waba_id", wabaId, MetaId::parse),
                errors.change("business_id", businessId, MetaId::parse),
                errors.change("phone_number_id", phoneNumberId, MetaId::parse),
                errors.change("display_phone_number", displayPhoneNumber, DisplayPhoneNumber::parse),
                errors.change("fb_app_id", fbAppId, MetaId::parse),
                errors.change("fb_app_secret", fbAppSecret, Secret::of),
                errors.change("access_token", accessToken, Secret::of),
                errors.change("refresh_token", refreshToken, Secret::of),
                errors.change("token_expires_at", tokenExpiresAt, Moment::parse),
                errors.change("callback_url", callbackUrl, WebUrl::parse),
                errors.change("verify_token", verifyToken, VerifyToken::parse),
                errors.change("redirect_url", redirectUrl, WebUrl::parse),
                errors.flag("is_active", isActive));
        errors.throwIfAny();
        return changes;
    }
}
