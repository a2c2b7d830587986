package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A change from Meta as the intake stores it: once per {@code dedupeKey}, with the tenant it was
 * routed to, or without one and the reason.
 */
public record ReceivedChange(
        String dedupeKey,
        Instant receivedAt,
        TenantId tenantId,
        MetaId wabaId,
        MetaId phoneNumberId,
        String field,
        String valueJson,
        String unroutableReason) {

    public ReceivedChange {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(valueJson, "valueJson");
        if ((tenantId == null) == (unroutableReason == null)) {
            throw new IllegalArgumentException("a change has a tenant, or the reason it has none");
        }
    }
}
