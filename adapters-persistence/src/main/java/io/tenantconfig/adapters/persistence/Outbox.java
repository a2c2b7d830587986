package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.PlatformEvent;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Writes events to the {@code events} table, in the caller's transaction, due for delivery at once. */
final class Outbox {

    private Outbox() {}

    private static final String INSERT = "INSERT INTO events (tenant_id, type, occurred_at, data, next_attempt_at)"
            + " VALUES (:tenant, :type, :occurredAt, :data, :occurredAt)";

    static void insert(Handle handle, PlatformEvent event) {
        bind(handle.createUpdate(INSERT), event).execute();
    }

    /** Several events in one batched statement, ids in the order given (each tenant's events stay in order). */
    static void insertAll(Handle handle, List<PlatformEvent> events) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        events.forEach(event -> bind(batch, event).add());
        batch.execute();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PlatformEvent event) {
        return statement
                .bind("tenant", event.tenantId().value())
                .bind("type", event.type())
                .bind("occurredAt", TenantConfigRow.timestamp(event.occurredAt()))
                .bind("data", HealthRow.json(event.data()));
    }
}
