package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change from Meta as the intake stores it: once per {@code dedupeKey} in its
 * {@linkplain #dedupeScope() scope}, with the tenant it was routed to, or without one and the
 * reason. {@code signedFor} is the tenant whose own app secret signed the body (null: the
 * platform's app, as Meta signs for platforms with one app).
 */
public record StoredWebhookChange(
        String dedupeKey,
        Instant receivedAt,
        TenantId tenantId,
        MetaId wabaId,
        MetaId phoneNumberId,
        String field,
        String valueJson,
        String unroutableReason,
        TenantId signedFor) {

    public StoredWebhookChange {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(valueJson, "valueJson");
        if ((tenantId == null) == (unroutableReason == null)) {
            throw new IllegalArgumentException("a change has a tenant, or the reason it has none");
        }
    }

    /**
     * Where its dedupe key must be unique: the tenant it went to; for a change nobody took, whoever
     * signed it ("" for the platform's app). A tenant's body can never make another tenant's change
     * a duplicate.
     */
    public String dedupeScope() {
        if (tenantId != null) {
            return tenantId.value();
        }
        return signedFor == null ? "" : signedFor.value();
    }

    /** What it tells the tenant it went to: Meta's change as it was sent. Empty for a change nobody took. */
    public Optional<DomainEvent.WhatsAppChangeReceived> event() {
        return tenantId == null
                ? Optional.empty()
                : Optional.of(
                        new DomainEvent.WhatsAppChangeReceived(tenantId, wabaId, phoneNumberId, field, valueJson));
    }
}
