package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Optional;

/** What a tenant pastes into Meta's dashboard to receive its webhooks here, and when the last one came. */
public interface WebhookSettingsUseCase {

    /** Empty when the tenant has no configuration. */
    Optional<WebhookSettings> settingsOf(TenantId tenantId);

    /**
     * @param callbackUrl the tenant's callback URL under {@code PUBLIC_BASE_URL}; null when that is not configured
     * @param verifyToken the token Meta's handshake must send: the tenant's, else the platform's; null when neither is set
     * @param lastReceivedAt when the last change for the tenant arrived; null when none did
     */
    record WebhookSettings(String callbackUrl, String verifyToken, Instant lastReceivedAt) {}
}
