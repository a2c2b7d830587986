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
import java.util.UUID;
import org.jdbi.v3.core.Handle;
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
     * The stream due longest, not held (or whose hold expired), held for the caller. One index
     * probe on {@code event_streams}, whatever the number of events waiting; a stream another
     * transaction is locking (a delivery being given back, events being added) is skipped, not
     * waited for.
     */
    private static final String CLAIM = """
            WITH next AS (
              SELECT tenant_id FROM event_streams
              WHERE due_at <= :now AND (held_until IS NULL OR held_until <= :now)
              ORDER BY due_at, tenant_id LIMIT 1
              FOR UPDATE SKIP LOCKED)
            UPDATE event_streams s SET held_until = :heldUntil, held_by = :holder
            FROM next WHERE s.tenant_id = next.tenant_id
            RETURNING s.tenant_id, s.failures
            """;

    private static final String PENDING_OF_TENANT = "SELECT " + COLUMNS
            + " FROM events WHERE tenant_id = :tenant AND status = 'PENDING' ORDER BY id LIMIT :limit";

    private final Jdbi jdbi;

    public JdbiEventOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Claim> claimNext(Instant now, Instant heldUntil, int limit) {
        for (int tries = 0; tries < 3; tries++) {
            Optional<Optional<Claim>> claimed =
                    Availability.available(() -> jdbi.inTransaction(handle -> claimOne(handle, now, heldUntil, limit)));
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            if (claimed.get().isPresent()) {
                return claimed.get();
            }
        }
        return Optional.empty();
    }

    /**
     * Empty: nothing is due. Empty inside: the stream claimed had no pending event left (its
     * events were deleted, or delivered by a holder whose hold had run out): it is made idle, and
     * the caller tries the next.
     */
    private static Optional<Optional<Claim>> claimOne(Handle handle, Instant now, Instant heldUntil, int limit) {
        String holder = UUID.randomUUID().toString();
        Optional<String[]> stream = handle.createQuery(CLAIM)
                .bind("now", TenantConfigRow.timestamp(now))
                .bind("heldUntil", TenantConfigRow.timestamp(heldUntil))
                .bind("holder", holder)
                .map((rs, ctx) -> new String[] {rs.getString("tenant_id"), Integer.toString(rs.getInt("failures"))})
                .findOne();
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        String tenant = stream.get()[0];
        // A statement of its own, after the stream's row is locked: it sees every event added before.
        List<OutboxEvent> events = handle.createQuery(PENDING_OF_TENANT)
                .bind("tenant", tenant)
                .bind("limit", limit)
                .map(JdbiEventOutbox::event)
                .list();
        if (events.isEmpty()) {
            handle.createUpdate("UPDATE event_streams SET due_at = NULL, held_until = NULL, held_by = NULL"
                            + " WHERE tenant_id = :tenant")
                    .bind("tenant", tenant)
                    .execute();
            return Optional.of(Optional.empty());
        }
        return Optional.of(
                Optional.of(new Claim(TenantId.of(tenant), holder, Integer.parseInt(stream.get()[1]), events)));
    }

    @Override
    public void delivered(List<Long> ids, Instant at) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE events SET status = 'DELIVERED', delivered_at = :at, attempts = attempts + 1,"
                                + " last_error = NULL WHERE id = ANY(:ids)")
                .bind("at", TenantConfigRow.timestamp(at))
                .bindArray("ids", Long.class, ids)
                .execute()));
    }

    @Override
    public void failed(List<Long> ids, String error, Instant giveUpBefore) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE events SET attempts = attempts + 1, last_error = :error, status = CASE WHEN"
                                + " occurred_at <= :giveUpBefore THEN 'DEAD' ELSE 'PENDING' END WHERE id = ANY(:ids)")
                .bind("error", error.length() > 500 ? error.substring(0, 497) + "..." : error)
                .bind("giveUpBefore", TenantConfigRow.timestamp(giveUpBefore))
                .bindArray("ids", Long.class, ids)
                .execute()));
    }

    /**
     * Locks the stream first, then looks for pending events in a statement of its own: that one
     * sees every event whose transaction held the lock before (they lock the stream as they add
     * events), so a stream is never made idle while an event of its tenant waits.
     */
    @Override
    public void release(Claim claim, Instant nextAttempt, int failures) {
        Availability.available(() -> jdbi.inTransaction(handle -> {
            boolean stillOurs = handle.createQuery(
                            "SELECT 1 FROM event_streams WHERE tenant_id = :tenant AND held_by = :holder FOR UPDATE")
                    .bind("tenant", claim.tenant().value())
                    .bind("holder", claim.holder())
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
            if (!stillOurs) {
                return 0;
            }
            return handle.createUpdate("UPDATE event_streams SET held_until = NULL, held_by = NULL,"
                            + " failures = :failures, due_at = CASE WHEN EXISTS (SELECT 1 FROM events"
                            + " WHERE tenant_id = :tenant AND status = 'PENDING') THEN CAST(:next AS TIMESTAMPTZ) ELSE NULL END"
                            + " WHERE tenant_id = :tenant")
                    .bind("failures", failures)
                    .bind("next", TenantConfigRow.timestamp(nextAttempt))
                    .bind("tenant", claim.tenant().value())
                    .execute();
        }));
    }

    @Override
    public int retryWaiting(Instant now) {
        return Availability.available(() -> jdbi.withHandle(
                handle -> handle.createUpdate("UPDATE event_streams SET due_at = :now WHERE due_at > :now")
                        .bind("now", TenantConfigRow.timestamp(now))
                        .execute()));
    }

    @Override
    public Backlog backlog() {
        return Availability.available(() -> jdbi.withHandle(handle -> new Backlog(
                handle.createQuery("SELECT count(*) FROM events WHERE status = 'PENDING'")
                        .mapTo(Long.class)
                        .one(),
                handle.createQuery("SELECT occurred_at FROM events WHERE status = 'PENDING' ORDER BY id LIMIT 1")
                        .mapTo(OffsetDateTime.class)
                        .findOne()
                        .map(OffsetDateTime::toInstant))));
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
        return Availability.available(() -> jdbi.inTransaction(handle -> {
            boolean found =
                    handle.createUpdate("UPDATE events SET status = 'PENDING', next_attempt_at = :now, attempts = 0,"
                                            + " last_error = NULL, delivered_at = NULL WHERE id = :id")
                                    .bind("now", TenantConfigRow.timestamp(now))
                                    .bind("id", id)
                                    .execute()
                            == 1;
            if (found) {
                handle.createUpdate(
                                "INSERT INTO event_streams (tenant_id, due_at) SELECT tenant_id, CAST(:now AS TIMESTAMPTZ) FROM events"
                                        + " WHERE id = :id" + Outbox.DUE_UNLESS_WAITING)
                        .bind("now", TenantConfigRow.timestamp(now))
                        .bind("id", id)
                        .execute();
            }
            return found;
        }));
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
