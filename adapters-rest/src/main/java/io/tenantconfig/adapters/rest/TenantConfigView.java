package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import java.time.Instant;
import java.util.function.Function;

/**
 * A configuration as the API shows it, with the earlier version's field names: {@code
 * phone_number_id} and {@code display_phone_number} are the default number's (all numbers are
 * under {@code /config/phone-numbers}). Secrets are masked
 * ({@code ***} and the last four characters) unless the caller may see them in full.
 */
public record TenantConfigView(
        @JsonProperty("id") long id,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("business_id") String businessId,
        @JsonProperty("display_phone_number") String displayPhoneNumber,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("fb_app_id") String fbAppId,
        @JsonProperty("fb_app_secret") String fbAppSecret,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("callback_url") String callbackUrl,
        @JsonProperty("redirect_url") String redirectUrl,
        @JsonProperty("verify_token") String verifyToken,
        @JsonProperty("token_expires_at") String tokenExpiresAt,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("is_active") boolean active,
        @JsonProperty("onboarding_completed") boolean onboardingCompleted,
        @JsonProperty("onboarded_at") String onboardedAt,
        @JsonProperty("onboarding_status") String onboardingStatus,
        @JsonProperty("last_verified_at") String lastVerifiedAt,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("version") int version,
        @JsonProperty("needs_phone_number") boolean needsPhoneNumber) {

    /** The normal view: secrets masked. */
    public static TenantConfigView masked(TenantConfig config) {
        return of(config, secret -> Secret.masked(secret));
    }

    /** Secrets in clear, for admins and services only. */
    public static TenantConfigView full(TenantConfig config) {
        return of(config, secret -> secret == null ? null : secret.reveal());
    }

    private static TenantConfigView of(TenantConfig c, Function<Secret, String> secret) {
        return new TenantConfigView(
                c.id(),
                c.tenantId().value(),
                text(c.onboarding().user()),
                text(c.account().wabaId()),
                c.defaultNumber().map(n -> n.id().value()).orElse(null),
                text(c.account().businessId()),
                c.defaultNumber().map(n -> text(n.displayNumber())).orElse(null),
                secret.apply(c.token().accessToken()),
                text(c.app().appId()),
                secret.apply(c.app().appSecret()),
                secret.apply(c.token().refreshToken()),
                text(c.callbacks().callbackUrl()),
                text(c.callbacks().redirectUrl()),
                text(c.callbacks().verifyToken()),
                time(c.token().expiresAt()),
                c.primaryAccount().tokenType(),
                c.active(),
                c.onboarding().isCompleted(),
                time(c.onboarding().onboardedAt()),
                c.onboarding().status().name(),
                time(c.token().lastVerifiedAt()),
                time(c.createdAt()),
                time(c.updatedAt()),
                c.version(),
                c.needsPhoneNumber());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-01-10T09:00:00Z}. */
    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @Override
    public String toString() {
        return "TenantConfigView[tenantId=" + tenantId + ", version=" + version + "]";
    }
}
