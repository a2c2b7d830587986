package io.tenantconfig.application.port.out;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the audit trail is told: who, about which tenant ({@code null}: all of them), what, and
 * the names of the fields it touched. Never a value.
 */
public record AuditEntry(Actor actor, TenantId tenantId, AuditAction action, Set<String> fields) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        fields = Set.copyOf(fields);
    }

    /** An entry about one tenant that touched no field, as the trail holds it (for reading back). */
    public static AuditEntry of(Actor actor, TenantId tenantId, AuditAction action) {
        return new AuditEntry(actor, Objects.requireNonNull(tenantId, "tenantId"), action, Set.of());
    }

    /** The entry {@code actor}'s {@code event} makes; empty when the audit trail does not keep such events. */
    public static Optional<AuditEntry> of(Actor actor, DomainEvent event) {
        return AuditAction.of(event).map(action -> new AuditEntry(actor, event.tenantId(), action, event.fields()));
    }
}
