package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.application.port.out.WebhookInbox;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The {@code webhook_changes} table: every change Meta sent, once per dedupe key, written in the
 * intake's transaction; and what admins and tenants read back of it.
 */
final class JdbiWebhookInbox implements WebhookInbox {

    private final Jdbi jdbi;

    JdbiWebhookInbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores one change unless its dedupe key is stored in its scope: one row inserted, or none. */
    static final String INSERT = "INSERT INTO webhook_changes (received_at, dedupe_scope, dedupe_key, tenant_id,"
            + " waba_id, phone_number_id, field, value, unroutable_reason) VALUES (:receivedAt, :dedupeScope,"
            + " :dedupeKey, :tenant, :waba, :number, :field, :value, :reason)"
            + " ON CONFLICT (dedupe_scope, dedupe_key) DO NOTHING";

    /** Stores the change in the caller's transaction; false when its dedupe key is stored already. */
    static boolean insert(Handle handle, StoredWebhookChange change) {
        return bind(handle.createUpdate(INSERT), change).execute() == 1;
    }

    /** Binds the change's values to {@link #INSERT}. */
    static <S extends SqlStatement<S>> S bind(S statement, StoredWebhookChange change) {
        return statement
                .bind("receivedAt", TenantConfigRow.timestamp(change.receivedAt()))
                .bind("dedupeScope", change.dedupeScope())
                .bind("dedupeKey", change.dedupeKey())
                .bind(
                        "tenant",
                        change.tenantId() == null ? null : change.tenantId().value())
                .bind("waba", text(change.wabaId()))
                .bind("number", text(change.phoneNumberId()))
                .bind("field", change.field())
                .bind("value", change.valueJson())
                .bind("reason", change.unroutableReason());
    }

    @Override
    public Optional<Instant> lastReceivedAt(TenantId tenantId) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT received_at FROM webhook_changes WHERE tenant_id = :tenant ORDER BY id DESC LIMIT 1")
                .bind("tenant", tenantId.value())
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant)));
    }

    @Override
    public long unroutableCount() {
        return Availability.available(() -> jdbi.withHandle(
                handle -> handle.createQuery("SELECT count(*) FROM webhook_changes WHERE tenant_id IS NULL")
                        .mapTo(Long.class)
                        .one()));
    }

    @Override
    public List<UnroutableChange> unroutable(int limit) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, received_at, waba_id, phone_number_id, field, unroutable_reason"
                                + " FROM webhook_changes WHERE tenant_id IS NULL ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new UnroutableChange(
                        rs.getLong("id"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getString("waba_id"),
                        rs.getString("phone_number_id"),
                        rs.getString("field"),
                        rs.getString("unroutable_reason")))
                .list()));
    }

    private static String text(MetaId id) {
        return id == null ? null : id.value();
    }
}
