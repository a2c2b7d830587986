package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.PlatformEvent;
import java.time.Instant;
import java.util.ArrayList;
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
     * For a replayed event: makes its tenant's stream due when it was idle (one that waits out a
     * backoff, or is due already, keeps its time), creating it when there is none.
     */
    static final String DUE_UNLESS_WAITING =
            " ON CONFLICT (tenant_id) DO UPDATE SET due_at = EXCLUDED.due_at WHERE event_streams.due_at IS NULL";

    private static final String NEW_STREAM =
            "INSERT INTO event_streams (tenant_id, due_at) VALUES (:tenant, :due) ON CONFLICT (tenant_id) DO NOTHING";

    /**
     * The streams of the tenants whose events this transaction adds, held in {@code KEY SHARE}
     * until it ends: a deliverer giving a stream back ({@code FOR UPDATE}, see
     * {@link JdbiEventOutbox#release}) waits for this transaction, so it sees these events, while
     * a deliverer claiming a stream ({@code FOR NO KEY UPDATE}) is not held up by it. Names the
     * idle ones: only they need waking, and while they are held none of the others can become idle.
     */
    private static final String HOLD_STREAMS = "SELECT tenant_id, due_at IS NULL AS idle FROM event_streams"
            + " WHERE tenant_id = ANY(:tenants) ORDER BY tenant_id FOR KEY SHARE";

    private static final String DUE_IF_IDLE =
            "UPDATE event_streams SET due_at = :due WHERE tenant_id = :tenant AND due_at IS NULL";

    static void insert(Handle handle, PlatformEvent event) {
        insertAll(handle, List.of(event));
    }

    /**
     * Several events in one batched statement, ids in the order given (each tenant's events stay
     * in order), and their tenants' streams: created when new, made due when idle, and held until
     * the transaction ends, in the order of the tenant ids (so that two transactions never wait
     * for each other's streams in a circle).
     */
    static void insertAll(Handle handle, List<PlatformEvent> events) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        events.forEach(event -> bind(batch, event).add());
        batch.execute();
        Map<String, Instant> firstOfTenant = new TreeMap<>();
        for (PlatformEvent event : events) {
            firstOfTenant.merge(event.tenantId().value(), event.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        PreparedBatch created = handle.prepareBatch(NEW_STREAM);
        firstOfTenant.forEach((tenant, due) -> created.bind("tenant", tenant)
                .bind("due", TenantConfigRow.timestamp(due))
                .add());
        created.execute();
        List<String> idle = new ArrayList<>();
        handle.createQuery(HOLD_STREAMS)
                .bindArray("tenants", String.class, List.copyOf(firstOfTenant.keySet()))
                .map((rs, ctx) -> rs.getBoolean("idle") ? rs.getString("tenant_id") : "")
                .forEach(tenant -> {
                    if (!tenant.isEmpty()) {
                        idle.add(tenant);
                    }
                });
        if (!idle.isEmpty()) {
            PreparedBatch due = handle.prepareBatch(DUE_IF_IDLE);
            idle.forEach(tenant -> due.bind("tenant", tenant)
                    .bind("due", TenantConfigRow.timestamp(firstOfTenant.get(tenant)))
                    .add());
            due.execute();
        }
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PlatformEvent event) {
        return statement
                .bind("tenant", event.tenantId().value())
                .bind("type", event.type())
                .bind("occurredAt", TenantConfigRow.timestamp(event.occurredAt()))
                .bind("data", HealthRow.json(event.data()));
    }
}
