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
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The {@code events} table as an outbox shared by every instance, with one row per tenant in
 * {@code event_streams}: due since when, held by which deliverer until when. Deliverers claim
 * streams, never events, so two of them (on any instances) never hold one tenant at once and
 * each tenant's events go out in order; the locks that keep a stream from going idle while
 * events are added to it are described at {@link Outbox#insertAll} and {@link #release}.
 */
final class JdbiEventOutbox implements EventOutbox {

    private static final String COLUMNS = "id, tenant_id, type, occurred_at, data, status, attempts, last_error";

    /**
     * The stream due longest, not held (or whose hold expired), held for the caller. One index
     * probe on {@code event_streams}, whatever the number of events waiting. A stream another
     * deliverer is claiming or giving back is skipped, not waited for; one whose events are being
     * added (they hold it in {@code KEY SHARE}) is claimed all the same.
     */
    private static final String CLAIM = """
        WITH next AS (
          SELECT tenant_id FROM event_streams
          WHERE due_at <= :now AND (held_until IS NULL OR held_until <= :now)
          ORDER BY due_at, tenant_id LIMIT 1
          FOR NO KEY UPDATE SKIP LOCKED)
        UPDATE event_streams s SET held_until = :heldUntil, held_by = :holder
        FROM next WHERE s.tenant_id = next.tenant_id
        RETURNING s.tenant_id, s.failures
        """;

    private static final String PENDING_OF_TENANT = "SELECT " + COLUMNS
            + " FROM events WHERE tenant_id = :tenant AND status = 'PENDING' ORDER BY id LIMIT :limit";

    private final Jdbi jdbi;

    JdbiEventOutbox(Jdbi jdbi) {
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
        // Events of transactions still adding to the stream may not be seen yet: they are handed out
        // after those transactions end (the stream stays due; see release).
        List<OutboxEvent> events = handle.createQuery(PENDING_OF_TENANT)
                .bind("tenant", tenant)
                .bind("limit", limit)
                .map(JdbiEventOutbox::event)
                .list();
        if (events.isEmpty()) {
            // Made idle only after waiting for whoever is adding events to it, and looking again.
            handle.createQuery("SELECT 1 FROM event_streams WHERE tenant_id = :tenant FOR UPDATE")
                    .bind("tenant", tenant)
                    .mapTo(Integer.class)
                    .findOne();
            handle.createUpdate("UPDATE event_streams SET held_until = NULL, held_by = NULL, due_at = CASE WHEN"
                            + " EXISTS (SELECT 1 FROM events WHERE tenant_id = :tenant AND status = 'PENDING')"
                            + " THEN due_at ELSE NULL END WHERE tenant_id = :tenant")
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
     * Locks the stream first ({@code FOR UPDATE}, which waits for no one: {@code NOWAIT}), then
     * looks for pending events in a statement of its own, which sees every event whose transaction
     * held the stream before: so a stream is never made idle while an event of its tenant waits.
     * While events are being added (their transaction holds the stream in {@code KEY SHARE}), the
     * stream is given back due, without looking: there are events, or will be.
     */
    @Override
    public void release(Claim claim, Instant nextAttempt, int failures) {
        try {
            Availability.available(() -> jdbi.inTransaction(handle -> {
                boolean stillOurs = handle.createQuery("SELECT 1 FROM event_streams WHERE tenant_id = :tenant"
                                + " AND held_by = :holder FOR UPDATE NOWAIT")
                        .bind("tenant", claim.tenant().value())
                        .bind("holder", claim.holder())
                        .mapTo(Integer.class)
                        .findOne()
                        .isPresent();
                return stillOurs ? giveBack(handle, claim, nextAttempt, failures, IDLE_UNLESS_PENDING) : 0;
            }));
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLException sql) || !LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw e;
            }
            Availability.available(() -> jdbi.inTransaction(
                    handle -> giveBack(handle, claim, nextAttempt, failures, " CAST(:next AS TIMESTAMPTZ)")));
        }
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final String IDLE_UNLESS_PENDING =
            " CASE WHEN EXISTS (SELECT 1 FROM events WHERE tenant_id = :tenant"
                    + " AND status = 'PENDING') THEN CAST(:next AS TIMESTAMPTZ) ELSE NULL END";

    private static int giveBack(Handle handle, Claim claim, Instant nextAttempt, int failures, String dueAt) {
        return handle.createUpdate("UPDATE event_streams SET held_until = NULL, held_by = NULL, failures = :failures,"
                        + " due_at =" + dueAt + " WHERE tenant_id = :tenant AND held_by = :holder")
                .bind("failures", failures)
                .bind("next", TenantConfigRow.timestamp(nextAttempt))
                .bind("tenant", claim.tenant().value())
                .bind("holder", claim.holder())
                .execute();
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
                handle.createUpdate("INSERT INTO event_streams (tenant_id, due_at) SELECT tenant_id, CAST(:now AS"
                                + " TIMESTAMPTZ) FROM events WHERE id = :id" + Outbox.DUE_UNLESS_WAITING)
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
