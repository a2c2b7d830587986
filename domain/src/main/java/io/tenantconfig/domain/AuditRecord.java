package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the audit trail: when, who (with roles, request id and client address), which
 * tenant, what, and the names of the fields it touched. Never a value.
 */
public record AuditRecord(long id, Instant occurredAt, Actor actor, TenantId tenantId, AuditAction action,
        Set<String> fields) {

    public AuditRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        fields = Set.copyOf(fields);
    }
}
