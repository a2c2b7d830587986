package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code events} table as an outbox shared by every instance. A tenant's due events are
 * claimed as a run by moving their {@code next_attempt_at} to the end of the hold; the run's
 * first event is taken under {@code FOR UPDATE SKIP LOCKED} and a tenant whose oldest pending
 * event is held is skipped, so two instances never claim events of the same tenant at once and
 * each tenant's events go out in order.
 */
public final class JdbiEventOutbox implements EventOutbox {

    private static final String COLUMNS = "id, tenant_id, type, occurred_at, data, status, attempts, last_error";

    /**
     * Each due tenant's run: its oldest pending event (the head, locked so that two instances
     * never take the same tenant) when it is due, and the pending events after it up to the first
     * that is not due; all held until {@code :heldUntil}.
     */
    private static final String CLAIM = """
            WITH heads AS (
              SELECT p.id, p.tenant_id FROM events p
              WHERE p.status = 'PENDING' AND p.next_attempt_at <= :now
                AND NOT EXISTS (SELECT 1 FROM events o
                                WHERE o.tenant_id = p.tenant_id AND o.status = 'PENDING' AND o.id < p.id)
              ORDER BY p.id LIMIT :limit
              FOR UPDATE SKIP LOCKED),
            runs AS (
              SELECT r.id FROM heads h CROSS JOIN LATERAL (
                SELECT e.id FROM events e
                WHERE e.tenant_id = h.tenant_id AND e.status = 'PENDING' AND e.id >= h.id
                  AND NOT EXISTS (SELECT 1 FROM events x
                                  WHERE x.tenant_id = h.tenant_id AND x.status = 'PENDING'
                                    AND x.id >= h.id AND x.id <= e.id AND x.next_attempt_at > :now)
                ORDER BY e.id LIMIT :limit) r)
            UPDATE events SET next_attempt_at = :heldUntil
            WHERE id IN (SELECT id FROM runs ORDER BY id LIMIT :limit)
            """ + " RETURNING " + COLUMNS;

    private final Jdbi jdbi;

    public JdbiEventOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<OutboxEvent> claimDue(Instant now, Instant heldUntil, int limit) {
        return Availability.available(() -> jdbi.inTransaction(handle -> handle
                .createQuery(CLAIM)
                .bind("heldUntil", TenantConfigRow.timestamp(heldUntil))
                .bind("now", TenantConfigRow.timestamp(now))
                .bind("limit", limit)
                .map(JdbiEventOutbox::event)
                .list()
                .stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList()));
    }

    @Override
    public void delivered(long id, Instant at) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE events SET status = 'DELIVERED', delivered_at = :at, attempts = attempts + 1,"
                                + " last_error = NULL WHERE id = :id")
                .bind("at", TenantConfigRow.timestamp(at))
                .bind("id", id)
                .execute()));
    }

    @Override
    public void failed(long id, String error, Instant next, boolean dead) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE events SET status = :status, next_attempt_at = :next, attempts = attempts + 1,"
                                + " last_error = :error WHERE id = :id")
                .bind("status", dead ? "DEAD" : "PENDING")
                .bind("next", TenantConfigRow.timestamp(next))
                .bind("error", error.length() > 500 ? error.substring(0, 497) + "..." : error)
                .bind("id", id)
                .execute()));
    }

    @Override
    public void release(List<Long> ids, Instant now) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE events SET next_attempt_at = :now WHERE id = ANY(:ids) AND status = 'PENDING'")
                .bind("now", TenantConfigRow.timestamp(now))
                .bindArray("ids", Long.class, ids)
                .execute()));
    }

    @Override
    public List<OutboxEvent> list(OutboxEvent.Status status, Optional<TenantId> tenant, int limit) {
        return Availability.available(() -> jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT " + COLUMNS + " FROM events WHERE status = :status"
                            + (tenant.isPresent() ? " AND tenant_id = :tenant" : "")
                            + " ORDER BY id DESC LIMIT :limit")
                    .bind("status", status.name())
                    .bind("limit", limit);
            tenant.ifPresent(t -> query.bind("tenant", t.value()));
            return query.map(JdbiEventOutbox::event).list();
        }));
    }

    @Override
    public boolean replay(long id, Instant now) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE events SET status = 'PENDING', next_attempt_at = :now, attempts = 0,"
                                        + " last_error = NULL, delivered_at = NULL WHERE id = :id")
                        .bind("now", TenantConfigRow.timestamp(now))
                        .bind("id", id)
                        .execute())
                == 1);
    }

    private static OutboxEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboxEvent(
                rs.getLong("id"),
                rs.getString("type"),
                TenantId.of(rs.getString("tenant_id")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("data"),
                OutboxEvent.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"));
    }
}
