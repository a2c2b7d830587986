package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.PlatformEvent;
import org.jdbi.v3.core.Handle;

/** Writes events to the {@code events} table, in the caller's transaction, due for delivery at once. */
final class Outbox {

    private Outbox() {}

    static void insert(Handle handle, PlatformEvent event) {
        handle.createUpdate("INSERT INTO events (tenant_id, type, occurred_at, data, next_attempt_at)"
                        + " VALUES (:tenant, :type, :occurredAt, :data, :occurredAt)")
                .bind("tenant", event.tenantId().value())
                .bind("type", event.type())
                .bind("occurredAt", TenantConfigRow.timestamp(event.occurredAt()))
                .bind("data", HealthRow.json(event.data()))
                .execute();
    }
}
