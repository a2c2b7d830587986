package io.tenantconfig.adapters.persistence;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.AuditAction;
import io.tenantconfig.domain.AuditRecord;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.AuditTrail;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The audit trail in {@code tenant_config_audit}; changes are written by the repository's own transactions. */
public final class JdbiAuditTrail implements AuditTrail {

    private static final String INSERT = """
            INSERT INTO tenant_config_audit (actor, roles, tenant_id, action, fields, request_id, client_address)
            VALUES (:actor, :roles, :tenantId, :action, :fields, :requestId, :clientAddress)""";

    private static final String PAGE = """
            SELECT id, occurred_at, actor, roles, tenant_id, action, fields, request_id, client_address
            FROM tenant_config_audit
            WHERE (CAST(:tenantId AS VARCHAR) IS NULL OR tenant_id = :tenantId)
              AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
            ORDER BY id DESC
            LIMIT :limit""";

    private final Jdbi jdbi;

    public JdbiAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void recordSecretsRead(TenantId tenantId, Actor actor) {
        Availability.available(() -> jdbi.withHandle(handle -> {
            record(handle, actor, tenantId, AuditAction.SECRETS_READ, Set.of());
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
                        Columns.instant(rs, "occurred_at"),
                        new Actor(rs.getString("actor"), split(rs.getString("roles")),
                                rs.getString("request_id"), rs.getString("client_address")),
                        rs.getString("tenant_id") == null ? null : TenantId.of(rs.getString("tenant_id")),
                        AuditAction.valueOf(rs.getString("action")),
                        split(rs.getString("fields"))))
                .list()));
    }

    /** Writes one record with {@code handle}, inside whatever transaction it is in. */
    static void record(Handle handle, Actor actor, TenantId tenantId, AuditAction action, Collection<String> fields) {
        handle.createUpdate(INSERT)
                .bind("actor", actor.subject())
                .bind("roles", String.join(",", actor.roles().stream().sorted().toList()))
                .bind("tenantId", tenantId == null ? null : tenantId.value())
                .bind("action", action.name())
                .bind("fields", String.join(",", fields))
                .bind("requestId", actor.requestId())
                .bind("clientAddress", actor.clientAddress())
                .execute();
    }

    private static Set<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
