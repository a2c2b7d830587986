package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.domain.TenantId;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit trail in {@code tenant_config_audit}. Changes write their entries with their own
 * transaction's handle ({@link #insert}); the entries written here commit on their own.
 */
final class JdbiAuditLog implements AuditLog {

    private static final String INSERT = """
        INSERT INTO tenant_config_audit (actor, roles, tenant_id, action, fields, request_id, client_address)
        VALUES (:actor, :roles, :tenantId, :action, :fields, :requestId, :clientAddress)\
        """;

    private static final String PAGE = """
        SELECT id, occurred_at, actor, roles, tenant_id, action, fields, request_id, client_address
        FROM tenant_config_audit
        WHERE (CAST(:tenantId AS VARCHAR) IS NULL OR tenant_id = :tenantId)
          AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
        ORDER BY id DESC
        LIMIT :limit\
        """;

    private final Jdbi jdbi;

    JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEntry entry) {
        Availability.available(() -> jdbi.withHandle(handle -> {
            insert(handle, entry);
            return null;
        }));
    }

    @Override
    public List<AuditRecord> page(Optional<TenantId> tenantId, Optional<Long> before, int limit) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(PAGE)
                .bind("tenantId", tenantId.map(TenantId::value).orElse(null))
                .bind("before", before.orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditRecord(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        new AuditEntry(
                                new Actor(
                                        rs.getString("actor"),
                                        split(rs.getString("roles")),
                                        rs.getString("request_id"),
                                        rs.getString("client_address")),
                                rs.getString("tenant_id") == null ? null : TenantId.of(rs.getString("tenant_id")),
                                AuditAction.valueOf(rs.getString("action")),
                                split(rs.getString("fields")))))
                .list()));
    }

    /** Writes one entry with {@code handle}, inside whatever transaction it is in. */
    static void insert(Handle handle, AuditEntry entry) {
        handle.createUpdate(INSERT)
                .bind("actor", entry.actor().subject())
                .bind(
                        "roles",
                        String.join(",", entry.actor().roles().stream().sorted().toList()))
                .bind(
                        "tenantId",
                        entry.tenantId() == null ? null : entry.tenantId().value())
                .bind("action", entry.action().name())
                .bind(
                        "fields",
                        String.join(",", entry.fields().stream().sorted().toList()))
                .bind("requestId", entry.actor().requestId())
                .bind("clientAddress", entry.actor().clientAddress())
                .execute();
    }

    private static Set<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
