package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.InvalidTenantConfigException;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfigChanges;
import io.tenantconfig.domain.Violations;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads the JSON body of a create or update: every writable field, each absent (keep), null
 * (clear) or a value. Every problem is collected, so one answer names all of them: unknown fields
 * (a misspelling is an error, not silently dropped), read-only fields, wrong types, bad values.
 */
final class TenantConfigRequest {

    /** Fields the API shows but nobody sets through it. */
    private static final Set<String> READ_ONLY = Set.of("id", "config_id", "tenant_id", "user_id",
            "onboarding_completed", "onboarded_at", "onboarding_status", "last_verified_at", "created_at",
            "updated_at", "version");

    private TenantConfigRequest() {
    }

    /** @throws InvalidTenantConfigException naming every field at fault */
    static TenantConfigChanges read(JsonNode body) {
        Violations violations = new Violations();
        JsonFields fields = new JsonFields(body, violations);
        TenantConfigChanges changes = TenantConfigChanges.builder()
                .wabaId(fields.text("waba_id", v -> MetaId.parse(ConfigField.WABA_ID, v)))
                .phoneNumberId(fields.text("phone_number_id", v -> MetaId.parse(ConfigField.PHONE_NUMBER_ID, v)))
                .businessId(fields.text("business_id", v -> MetaId.parse(ConfigField.BUSINESS_ID, v)))
                .displayPhoneNumber(fields.text("display_phone_number", TenantConfigChanges::displayPhoneNumber))
                .accessToken(fields.text("access_token", v -> Secret.of(ConfigField.ACCESS_TOKEN, v)))
                .fbAppId(fields.text("fb_app_id", v -> MetaId.parse(ConfigField.FB_APP_ID, v)))
                .fbAppSecret(fields.text("fb_app_secret", v -> Secret.of(ConfigField.FB_APP_SECRET, v)))
                .refreshToken(fields.text("refresh_token", v -> Secret.of(ConfigField.REFRESH_TOKEN, v)))
                .callbackUrl(fields.text("callback_url", v -> WebUrl.parse(ConfigField.CALLBACK_URL, v)))
                .redirectUrl(fields.text("redirect_url", v -> WebUrl.parse(ConfigField.REDIRECT_URL, v)))
                .verifyToken(fields.text("verify_token", VerifyToken::parse))
                .tokenExpiresAt(fields.text("token_expires_at", TenantConfigRequest::instant))
                .active(fields.flag("is_active"))
                .build();
        fields.refuseOthers(name -> READ_ONLY.contains(name)
                ? name + " is read-only and cannot be set"
                : name + " is not a field of a tenant configuration");
        violations.throwIfAny();
        return changes;
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(ConfigField.TOKEN_EXPIRES_AT,
                    "token_expires_at must be an ISO-8601 date-time with an offset, e.g. 2026-03-01T12:00:00Z");
        }
    }
}
