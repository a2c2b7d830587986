package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.MetaInstall;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The {@code signup_sessions} table: one row per session, its outcome spread over a few columns;
 * and {@code signup_session_installs}, the installs Meta reported for the accounts a session named,
 * written in the webhook's transaction ({@link #attach}).
 */
final class JdbiSignupSessions implements SignupSessions {

    private static final String COLUMNS = "id, tenant_id, session_id, started_at, ended_at, event, outcome, step,"
            + " error_code, error_message, fbtrace_id, requested_waba_ids, waba_ids, phone_number_ids";

    /**
     * Keeps the install with the newest session that named its account, did not finish and ended
     * at or after {@code :notBefore} (of the signing tenant's, when one signed); once per dedupe key.
     */
    private static final String ATTACH = """
        WITH session AS (
          SELECT id FROM signup_sessions
          WHERE outcome <> 'finished' AND ended_at >= :notBefore
            AND :waba = ANY (string_to_array(requested_waba_ids, ','))
            AND (CAST(:signedFor AS VARCHAR) IS NULL OR tenant_id = :signedFor)
          ORDER BY id DESC LIMIT 1)
        INSERT INTO signup_session_installs (signup_session_id, received_at, dedupe_scope, dedupe_key,
                                             waba_id, owner_business_id, partner_app_id, value)
        SELECT id, :receivedAt, :scope, :key, :waba, :owner, :app, :value FROM session
        ON CONFLICT (dedupe_scope, dedupe_key) DO NOTHING
        """;

    /**
     * Moves the unroutable installs of the accounts a failed session requested into it: Meta's
     * {@code PARTNER_APP_INSTALLED} came before the session was recorded. Ids Meta sent that are
     * not ids are left out, as the webhook intake leaves them out; the value is read as text (a
     * jsonb cast would fail on an escaped NUL Meta's JSON may hold).
     */
    private static final String TAKE_UNROUTABLE_INSTALLS = """
        WITH taken AS (
          DELETE FROM webhook_changes w
          WHERE w.tenant_id IS NULL AND w.field = 'account_update' AND w.phone_number_id IS NULL
            AND w.waba_id = ANY (:wabas) AND w.received_at >= :since
            AND (w.dedupe_scope = '' OR w.dedupe_scope = :tenant)
            AND w.unroutable_reason LIKE 'a signup finished at Meta (PARTNER_APP_INSTALLED)%'
          RETURNING w.received_at, w.dedupe_scope, w.dedupe_key, w.waba_id, w.value)
        INSERT INTO signup_session_installs (signup_session_id, received_at, dedupe_scope, dedupe_key,
                                             waba_id, owner_business_id, partner_app_id, value)
        SELECT :id, received_at, dedupe_scope, dedupe_key, waba_id,
               substring(value FROM '"owner_business_id"\\s*:\\s*"([0-9]{1,32})"'),
               substring(value FROM '"partner_app_id"\\s*:\\s*"([0-9]{1,32})"'),
               value
        FROM taken ORDER BY received_at
        ON CONFLICT (dedupe_scope, dedupe_key) DO NOTHING
        """;

    private final Jdbi jdbi;

    JdbiSignupSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(SignupSession session, Instant installsSince) {
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
        boolean takesInstalls = session.outcome().kind() != SignupOutcome.Kind.FINISHED
                && !session.requestedWabaIds().isEmpty();
        Availability.available(() -> jdbi.inTransaction(handle -> {
            long id = handle.createUpdate(
                            "INSERT INTO signup_sessions (tenant_id, session_id, started_at, ended_at, event, outcome,"
                                    + " step, error_code, error_message, fbtrace_id, requested_waba_ids, waba_ids,"
                                    + " phone_number_ids) VALUES (:tenant, :session, :started, :ended, :event,"
                                    + " :outcome, :step, :code, :message, :trace, :requested, :wabas, :numbers)")
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
                    .bind("requested", String.join(",", session.requestedWabaIds()))
                    .bind("wabas", String.join(",", session.wabaIds()))
                    .bind("numbers", String.join(",", session.phoneNumberIds()))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            if (takesInstalls) {
                handle.createUpdate(TAKE_UNROUTABLE_INSTALLS)
                        .bind("id", id)
                        .bindArray("wabas", String.class, session.requestedWabaIds())
                        .bind("since", TenantConfigRow.timestamp(installsSince))
                        .bind("tenant", session.tenantId().value())
                        .execute();
            }
            return id;
        }));
    }

    @Override
    public List<Stored> ofTenant(TenantId tenantId, int limit) {
        return Availability.available(() -> jdbi.withHandle(handle -> withInstalls(
                handle,
                handle.createQuery("SELECT " + COLUMNS
                                + " FROM signup_sessions WHERE tenant_id = :tenant ORDER BY id DESC LIMIT :limit")
                        .bind("tenant", tenantId.value())
                        .bind("limit", limit)
                        .map((rs, ctx) -> stored(rs))
                        .list())));
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
            return withInstalls(handle, query.map((rs, ctx) -> stored(rs)).list());
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

    /**
     * Attaches Meta's install in the caller's transaction; see
     * {@link io.tenantconfig.application.port.out.ConfigStore.Transaction#attachToSignup}.
     */
    static MetaInstall.Attachment attach(
            Handle handle, StoredWebhookChange change, MetaInstall install, Instant notBefore) {
        int attached = handle.createUpdate(ATTACH)
                .bind("notBefore", TenantConfigRow.timestamp(notBefore))
                .bind("waba", install.wabaId().value())
                .bind(
                        "signedFor",
                        change.signedFor() == null ? null : change.signedFor().value())
                .bind("receivedAt", TenantConfigRow.timestamp(install.receivedAt()))
                .bind("scope", change.dedupeScope())
                .bind("key", change.dedupeKey())
                .bind("owner", text(install.ownerBusinessId()))
                .bind("app", text(install.partnerAppId()))
                .bind("value", change.valueJson())
                .execute();
        if (attached == 1) {
            return MetaInstall.Attachment.ATTACHED;
        }
        // Nothing inserted: Meta sent it before (a concurrent insert has committed by now), or no session took it.
        boolean seen = handle.createQuery("SELECT EXISTS (SELECT 1 FROM signup_session_installs"
                        + " WHERE dedupe_scope = :scope AND dedupe_key = :key)")
                .bind("scope", change.dedupeScope())
                .bind("key", change.dedupeKey())
                .mapTo(Boolean.class)
                .one();
        return seen ? MetaInstall.Attachment.ALREADY_ATTACHED : MetaInstall.Attachment.NO_SESSION;
    }

    /** The sessions with the installs attached to them, in one more query. */
    private static List<Stored> withInstalls(Handle handle, List<Stored> sessions) {
        if (sessions.isEmpty()) {
            return sessions;
        }
        Map<Long, List<MetaInstall>> installs = handle
                .createQuery("SELECT signup_session_id, waba_id, owner_business_id, partner_app_id, received_at"
                        + " FROM signup_session_installs WHERE signup_session_id = ANY (:ids) ORDER BY id")
                .bindArray("ids", Long.class, sessions.stream().map(Stored::id).toList())
                .map((rs, ctx) -> new InstallRow(
                        rs.getLong("signup_session_id"),
                        new MetaInstall(
                                MetaId.parse(rs.getString("waba_id")),
                                idOrNull(rs.getString("owner_business_id")),
                                idOrNull(rs.getString("partner_app_id")),
                                rs.getObject("received_at", OffsetDateTime.class)
                                        .toInstant())))
                .stream()
                .collect(Collectors.groupingBy(
                        InstallRow::sessionId, Collectors.mapping(InstallRow::install, Collectors.toList())));
        return sessions.stream()
                .map(s -> new Stored(s.id(), s.session(), installs.getOrDefault(s.id(), List.of())))
                .toList();
    }

    /** A row of {@code signup_session_installs}: the session it is attached to, and the install. */
    private record InstallRow(long sessionId, MetaInstall install) {}

    private static MetaId idOrNull(String text) {
        return text == null ? null : MetaId.parse(text);
    }

    private static String text(MetaId id) {
        return id == null ? null : id.value();
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
                        ids(rs.getString("requested_waba_ids")),
                        ids(rs.getString("waba_ids")),
                        ids(rs.getString("phone_number_ids"))));
    }

    private static List<String> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
