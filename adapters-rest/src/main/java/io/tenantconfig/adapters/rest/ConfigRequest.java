package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.FieldUpdate;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Moment;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.SettingsUpdate;
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
            "token_type",
            "created_at",
            "updated_at",
            "version",
            "needs_phone_number"
        })
record ConfigRequest(
        @JsonProperty("waba_id") FieldUpdate<String> wabaId,
        @JsonProperty("business_id") FieldUpdate<String> businessId,
        @JsonProperty("phone_number_id") FieldUpdate<String> phoneNumberId,
        @JsonProperty("display_phone_number") FieldUpdate<String> displayPhoneNumber,
        @JsonProperty("fb_app_id") FieldUpdate<String> fbAppId,
        @JsonProperty("fb_app_secret") FieldUpdate<String> fbAppSecret,
        @JsonProperty("access_token") FieldUpdate<String> accessToken,
        @JsonProperty("refresh_token") FieldUpdate<String> refreshToken,
        @JsonProperty("token_expires_at") FieldUpdate<String> tokenExpiresAt,
        @JsonProperty("callback_url") FieldUpdate<String> callbackUrl,
        @JsonProperty("verify_token") FieldUpdate<String> verifyToken,
        @JsonProperty("redirect_url") FieldUpdate<String> redirectUrl,
        @JsonProperty("is_active") FieldUpdate<Boolean> isActive) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    SettingsUpdate toChanges() {
        FieldErrors errors = new FieldErrors();
        SettingsUpdate changes = new SettingsUpdate(
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
