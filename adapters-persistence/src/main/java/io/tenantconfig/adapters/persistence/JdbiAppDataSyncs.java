package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.AppDataSyncs;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The syncs of WhatsApp Business apps' data in {@code app_data_syncs}. A due row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and held until {@code lease_until}: instances claiming at the
 * same moment take different rows, never wait for each other, and a row whose holder died is due
 * again when its lease runs out. Times come from the caller's clock, never the database's.
 */
final class JdbiAppDataSyncs implements AppDataSyncs {

    private static final String COLUMNS = """
        c.tenant_id, s.phone_number_id, s.window_ends_at, s.next_attempt_at,
        s.contacts_state, s.contacts_requested_at, s.contacts_request_id, s.contacts_failures, s.contacts_error,
        s.history_state, s.history_requested_at, s.history_request_id, s.history_failures, s.history_error\
        """;

    /** A new signup of the number opens a new window: its earlier sync, whatever its outcome, is replaced. */
    private static final String REQUEST = """
        INSERT INTO app_data_syncs (config_id, phone_number_id, window_ends_at, contacts_state, contacts_requested_at,
          contacts_request_id, contacts_failures, contacts_error, history_state, history_requested_at,
          history_request_id, history_failures, history_error, next_attempt_at, lease_until)
        SELECT id, :number, CAST(:windowEndsAt AS timestamptz), :contactsState,
          CAST(:contactsRequestedAt AS timestamptz), CAST(:contactsRequestId AS varchar), :contactsFailures,
          CAST(:contactsError AS text), :historyState, CAST(:historyRequestedAt AS timestamptz),
          CAST(:historyRequestId AS varchar), :historyFailures, CAST(:historyError AS text),
          CAST(:nextAttemptAt AS timestamptz), NULL
        FROM tenant_configs WHERE tenant_id = :tenant
        ON CONFLICT (config_id, phone_number_id) DO UPDATE SET
          window_ends_at = EXCLUDED.window_ends_at,
          contacts_state = EXCLUDED.contacts_state, contacts_requested_at = EXCLUDED.contacts_requested_at,
          contacts_request_id = EXCLUDED.contacts_request_id, contacts_failures = EXCLUDED.contacts_failures,
          contacts_error = EXCLUDED.contacts_error,
          history_state = EXCLUDED.history_state, history_requested_at = EXCLUDED.history_requested_at,
          history_request_id = EXCLUDED.history_request_id, history_failures = EXCLUDED.history_failures,
          history_error = EXCLUDED.history_error,
          next_attempt_at = EXCLUDED.next_attempt_at, lease_until = NULL\
        """;

    private static final String CLAIM = "UPDATE app_data_syncs s SET lease_until = :until"
            + " FROM tenant_configs c"
            + " WHERE c.id = s.config_id AND (s.config_id, s.phone_number_id) = ("
            + "   SELECT d.config_id, d.phone_number_id FROM app_data_syncs d"
            + "   WHERE d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now)"
            + "   ORDER BY d.next_attempt_at LIMIT 1"
            + "   FOR UPDATE SKIP LOCKED)"
            + " RETURNING " + COLUMNS;

    private static final String SAVE = """
        UPDATE app_data_syncs s SET
          contacts_state = :contactsState, contacts_requested_at = :contactsRequestedAt,
          contacts_request_id = :contactsRequestId, contacts_failures = :contactsFailures,
          contacts_error = :contactsError,
          history_state = :historyState, history_requested_at = :historyRequestedAt,
          history_request_id = :historyRequestId, history_failures = :historyFailures,
          history_error = :historyError,
          next_attempt_at = :nextAttemptAt, lease_until = NULL
        FROM tenant_configs c
        WHERE c.id = s.config_id AND c.tenant_id = :tenant AND s.phone_number_id = :number
          AND s.window_ends_at = :windowEndsAt\
        """;

    private static final String FORGET = """
        DELETE FROM app_data_syncs s USING tenant_configs c
        WHERE c.id = s.config_id AND c.tenant_id = :tenant AND s.phone_number_id = :number
          AND s.window_ends_at = :windowEndsAt\
        """;

    private static final String OF_TENANT = "SELECT " + COLUMNS
            + " FROM app_data_syncs s JOIN tenant_configs c ON c.id = s.config_id"
            + " WHERE c.tenant_id = :tenant ORDER BY s.window_ends_at, s.phone_number_id";

    private final Jdbi jdbi;

    JdbiAppDataSyncs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the sync a signup asks for, in the signup's transaction ({@code handle}). */
    static void request(Handle handle, AppDataSync sync) {
        bound(handle.createUpdate(REQUEST), sync).execute();
    }

    @Override
    public Optional<AppDataSync> claimDue(Instant now, Duration lease) {
        return Availability.available(() -> jdbi.inTransaction(handle -> handle.createQuery(CLAIM)
                .bind("until", TenantConfigRow.timestamp(now.plus(lease)))
                .bind("now", TenantConfigRow.timestamp(now))
                .map((rs, ctx) -> read(rs))
                .findFirst()));
    }

    /** Only the sync claimed: one a new signup replaced meanwhile (another window) is left as it is. */
    @Override
    public void save(AppDataSync sync) {
        Availability.available(() ->
                jdbi.withHandle(handle -> bound(handle.createUpdate(SAVE), sync).execute()));
    }

    @Override
    public void forget(AppDataSync sync) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(FORGET)
                .bind("tenant", sync.tenantId().value())
                .bind("number", sync.phoneNumberId().value())
                .bind("windowEndsAt", TenantConfigRow.timestamp(sync.windowEndsAt()))
                .execute()));
    }

    @Override
    public List<AppDataSync> of(TenantId tenantId) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(OF_TENANT)
                .bind("tenant", tenantId.value())
                .map((rs, ctx) -> read(rs))
                .list()));
    }

    private static <S extends SqlStatement<S>> S bound(S statement, AppDataSync sync) {
        return bound(bound(statement, "contacts", sync.contacts()), "history", sync.history())
                .bind("tenant", sync.tenantId().value())
                .bind("number", sync.phoneNumberId().value())
                .bind("windowEndsAt", TenantConfigRow.timestamp(sync.windowEndsAt()))
                .bind("nextAttemptAt", timestamp(sync.nextAttemptAt()));
    }

    private static <S extends SqlStatement<S>> S bound(S statement, String kind, AppDataSync.Request request) {
        return statement
                .bind(kind + "State", request.state().name().toLowerCase(Locale.ROOT))
                .bind(kind + "RequestedAt", timestamp(request.requestedAt()))
                .bind(kind + "RequestId", request.requestId())
                .bind(kind + "Failures", request.failures())
                .bind(kind + "Error", request.lastError());
    }

    private static AppDataSync read(ResultSet rs) throws SQLException {
        return new AppDataSync(
                TenantId.of(rs.getString("tenant_id")),
                MetaId.parse(rs.getString("phone_number_id")),
                instant(rs, "window_ends_at"),
                request(rs, "contacts"),
                request(rs, "history"),
                instant(rs, "next_attempt_at"));
    }

    private static AppDataSync.Request request(ResultSet rs, String kind) throws SQLException {
        return new AppDataSync.Request(
                AppDataSync.State.valueOf(rs.getString(kind + "_state").toUpperCase(Locale.ROOT)),
                instant(rs, kind + "_requested_at"),
                rs.getString(kind + "_request_id"),
                rs.getInt(kind + "_failures"),
                rs.getString(kind + "_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : TenantConfigRow.instant(value);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return TenantConfigRow.timestamp(instant);
    }
}
