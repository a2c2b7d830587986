package io.tenantconfig.application.port.in;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/**
 * Which WhatsApp credentials a tenant should use, as the earlier version's ConfigLoader answered:
 * the tenant's own active configuration first, then the environment and {@code .env}, field by
 * field; an inactive configuration counts as absent. Every answer says where it came from.
 *
 * <p>Which tenant a Meta webhook is for is answered by {@link #ownerOfNumber} and
 * {@link #ownerOfAccount}, from memory as well.
 *
 * <pre>{@code
 * ResolvedCredentials credentials = configLoader.resolve(TenantId.of("acme"));
 * whatsApp.send(credentials.value(CredentialField.PHONE_NUMBER_ID).value(),
 *               credentials.value(CredentialField.ACCESS_TOKEN).value(), message);
 * }</pre>
 */
public interface ConfigLoader {

    /** All credentials at once, for the tenant's default number: one consistent answer. */
    ResolvedCredentials resolve(TenantId tenantId);

    /**
     * As {@link #resolve(TenantId)}, for one of the tenant's numbers: its {@code phone_number_id}
     * is that number's, its access token and {@code waba_id} those of the number's account. Empty
     * when the tenant has no active configuration with that number, or Meta took the number's
     * account out of service.
     */
    Optional<ResolvedCredentials> resolve(TenantId tenantId, MetaId phoneNumberId);

    /**
     * As {@link #resolve(TenantId, MetaId)} for the first number of the tenant's account
     * {@code wabaId} (its default number when it holds it): that account's token and id. Empty
     * when the tenant has no active configuration with that account, or the account no number.
     */
    Optional<ResolvedCredentials> resolveAccount(TenantId tenantId, MetaId wabaId);

    /**
     * The tenant a phone number belongs to (what an inbound webhook's {@code metadata.phone_number_id}
     * names), with the number's capacity ({@link NumberOwner#messagesPerSecond()}, quality, the
     * portfolio's messaging limit) for sending code to pace itself.
     */
    Optional<NumberOwner> ownerOfNumber(MetaId phoneNumberId);

    /** The tenant a WhatsApp Business Account belongs to (what an inbound webhook's {@code entry[].id} names). */
    Optional<NumberOwner> ownerOfAccount(MetaId wabaId);

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
