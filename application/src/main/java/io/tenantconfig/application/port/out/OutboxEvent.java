package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as the outbox holds it: its id (what receivers deduplicate by), what it reports, its
 * data as the JSON text it was stored as, and how its delivery is going.
 */
public record OutboxEvent(
        long id,
        String type,
        TenantId tenantId,
        Instant occurredAt,
        String dataJson,
        Status status,
        int attempts,
        String lastError) {

    public enum Status {
        /** Not delivered yet: due at its next attempt. */
        PENDING,
        DELIVERED,
        /** Given up on after the retry period: kept for an admin to look at and replay. */
        DEAD
    }

    public OutboxEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(dataJson, "dataJson");
        Objects.requireNonNull(status, "status");
    }
}
