package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.PlatformEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Writes events to the {@code events} table, in the caller's transaction, due for delivery at once. */
final class Outbox {

    private Outbox() {}

    private static final String INSERT = "INSERT INTO events (tenant_id, type, occurred_at, data, next_attempt_at)"
            + " VALUES (:tenant, :type, :occurredAt, :data, :occurredAt)";

    /**
     * Makes a tenant's delivery stream due when it was idle; one that waits out a backoff, or is
     * due already, keeps its time. The stream's row is locked either way, until the transaction
     * that adds the events ends (see {@link JdbiEventOutbox#release}).
     */
    static final String DUE_UNLESS_WAITING =
            " ON CONFLICT (tenant_id) DO UPDATE SET due_at = EXCLUDED.due_at WHERE event_streams.due_at IS NULL";

    private static final String STREAM =
            "INSERT INTO event_streams (tenant_id, due_at) VALUES (:tenant, :due)" + DUE_UNLESS_WAITING;

    static void insert(Handle handle, PlatformEvent event) {
        insertAll(handle, List.of(event));
    }

    /**
     * Several events in one batched statement, ids in the order given (each tenant's events stay
     * in order), and their tenants' streams, in the order of the tenant ids (so two transactions never
     * wait for each other's streams in a circle).
     */
    static void insertAll(Handle handle, List<PlatformEvent> events) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        events.forEach(event -> bind(batch, event).add());
        batch.execute();
        Map<String, Instant> firstOfTenant = new TreeMap<>();
        for (PlatformEvent event : events) {
            firstOfTenant.merge(event.tenantId().value(), event.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        PreparedBatch streams = handle.prepareBatch(STREAM);
        firstOfTenant.forEach((tenant, due) -> streams.bind("tenant", tenant)
                .bind("due", TenantConfigRow.timestamp(due))
                .add());
        streams.execute();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PlatformEvent event) {
        return statement
                .bind("tenant", event.tenantId().value())
                .bind("type", event.type())
                .bind("occurredAt", TenantConfigRow.timestamp(event.occurredAt()))
                .bind("data", HealthRow.json(event.data()));
    }
}
