package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.domain.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The {@code signup_sessions} table: one row per session, its outcome spread over a few columns. */
final class JdbiSignupSessions implements SignupSessions {

    private static final String COLUMNS = "id, tenant_id, session_id, started_at, ended_at, event, outcome, step,"
            + " error_code, error_message, fbtrace_id, waba_ids, phone_number_ids";

    private final Jdbi jdbi;

    JdbiSignupSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(SignupSession session) {
        String step = null;
        String code = null;
        String message = null;
        String trace = null;
        if (session.outcome() instanceof SignupOutcome.Cancelled cancelled) {
            step = cancelled.step();
        } else if (session.outcome() instanceof SignupOutcome.Failed failed) {
            step = failed.step();
            code = failed.code();
            message = failed.message();
            trace = failed.fbtraceId();
        }
        String s = step;
        String c = code;
        String m = message;
        String t = trace;
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(
                        "INSERT INTO signup_sessions (tenant_id, session_id, started_at, ended_at, event, outcome,"
                                + " step, error_code, error_message, fbtrace_id, waba_ids, phone_number_ids)"
                                + " VALUES (:tenant, :session, :started, :ended, :event, :outcome, :step, :code,"
                                + " :message, :trace, :wabas, :numbers)")
                .bind("tenant", session.tenantId().value())
                .bind("session", session.sessionId())
                .bind("started", TenantConfigRow.timestamp(session.startedAt()))
                .bind("ended", TenantConfigRow.timestamp(session.endedAt()))
                .bind("event", session.event())
                .bind("outcome", session.outcome().kind().label())
                .bind("step", s)
                .bind("code", c)
                .bind("message", m)
                .bind("trace", t)
                .bind("wabas", String.join(",", session.wabaIds()))
                .bind("numbers", String.join(",", session.phoneNumberIds()))
                .execute()));
    }

    @Override
    public List<Stored> ofTenant(TenantId tenantId, int limit) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM signup_sessions WHERE tenant_id = :tenant ORDER BY id DESC LIMIT :limit")
                .bind("tenant", tenantId.value())
                .bind("limit", limit)
                .map((rs, ctx) -> stored(rs))
                .list()));
    }

    @Override
    public Page list(Filter filter, Optional<Long> after, int limit) {
        List<String> where = new ArrayList<>();
        filter.outcome().ifPresent(kind -> where.add("outcome = :outcome"));
        filter.since().ifPresent(at -> where.add("ended_at >= :since"));
        filter.tenantId().ifPresent(t -> where.add("tenant_id = :tenant"));
        after.ifPresent(a -> where.add("id < :after"));
        String sql = "SELECT " + COLUMNS + " FROM signup_sessions"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT :limit";
        List<Stored> rows = Availability.available(() -> jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("limit", limit + 1);
            filter.outcome().ifPresent(kind -> query.bind("outcome", kind.label()));
            filter.since().ifPresent(at -> query.bind("since", TenantConfigRow.timestamp(at)));
            filter.tenantId().ifPresent(t -> query.bind("tenant", t.value()));
            after.ifPresent(a -> query.bind("after", a));
            return query.map((rs, ctx) -> stored(rs)).list();
        }));
        if (rows.size() > limit) {
            List<Stored> page = rows.subList(0, limit);
            return new Page(page, Optional.of(page.get(limit - 1).id()));
        }
        return new Page(rows, Optional.empty());
    }

    @Override
    public Counts countSince(Instant since) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FILTER (WHERE outcome = 'finished') AS finished,"
                                + " count(*) FILTER (WHERE outcome = 'cancelled') AS cancelled,"
                                + " count(*) FILTER (WHERE outcome = 'failed') AS failed"
                                + " FROM signup_sessions WHERE ended_at >= :since")
                .bind("since", TenantConfigRow.timestamp(since))
                .map((rs, ctx) -> new Counts(rs.getLong("finished"), rs.getLong("cancelled"), rs.getLong("failed")))
                .one()));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        SignupOutcome.Kind kind = SignupOutcome.Kind.ofLabel(outcome)
                .orElseThrow(() -> new IllegalStateException("an outcome the table does not allow: " + outcome));
        SignupOutcome read = switch (kind) {
            case FINISHED -> new SignupOutcome.Finished();
            case CANCELLED -> new SignupOutcome.Cancelled(rs.getString("step"));
            case FAILED ->
                new SignupOutcome.Failed(
                        rs.getString("step"),
                        rs.getString("error_code"),
                        rs.getString("error_message"),
                        rs.getString("fbtrace_id"));
        };
        return new Stored(
                rs.getLong("id"),
                new SignupSession(
                        TenantId.of(rs.getString("tenant_id")),
                        rs.getString("session_id"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ended_at", OffsetDateTime.class).toInstant(),
                        read,
                        rs.getString("event"),
                        ids(rs.getString("waba_ids")),
                        ids(rs.getString("phone_number_ids"))));
    }

    private static List<String> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
