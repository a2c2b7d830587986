package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.TenantId;

/**
 * Which WhatsApp credentials a tenant should use, as the earlier version's ConfigLoader answered:
 * the tenant's own active configuration first, then the environment and {@code .env}, field by
 * field; an inactive configuration counts as absent. Every answer says where it came from.
 *
 * <pre>{@code
 * ResolvedCredentials credentials = configLoader.resolve(TenantId.of("acme"));
 * whatsApp.send(credentials.value(CredentialField.PHONE_NUMBER_ID).value(),
 *               credentials.value(CredentialField.ACCESS_TOKEN).value(), message);
 * }</pre>
 */
public interface ConfigLoader {

    /** All credentials at once: one consistent answer. */
    ResolvedCredentials resolve(TenantId tenantId);

    /** Whether the tenant has an active configuration of its own. */
    default boolean hasTenantConfig(TenantId tenantId) {
        return resolve(tenantId).hasTenantConfig();
    }

    /** Whether the tenant's active configuration completed onboarding. */
    default boolean isOnboardingCompleted(TenantId tenantId) {
        return resolve(tenantId).onboardingCompleted();
    }

    default ResolvedValue phoneNumberId(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.PHONE_NUMBER_ID);
    }

    default ResolvedValue accessToken(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.ACCESS_TOKEN);
    }

    default ResolvedValue verifyToken(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.VERIFY_TOKEN);
    }

    default ResolvedValue callbackUrl(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.CALLBACK_URL);
    }

    default ResolvedValue appId(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.FB_APP_ID);
    }

    default ResolvedValue appSecret(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.FB_APP_SECRET);
    }

    /** Database only: there is no platform-wide WhatsApp Business Account. */
    default ResolvedValue wabaId(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.WABA_ID);
    }

    /** Database only. */
    default ResolvedValue redirectUrl(TenantId tenantId) {
        return resolve(tenantId).value(CredentialField.REDIRECT_URL);
    }
}
