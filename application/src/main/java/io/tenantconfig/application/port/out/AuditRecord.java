package io.tenantconfig.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** One entry of the audit trail as stored: its id (the paging key), when it was written, and what it says. */
public record AuditRecord(long id, Instant occurredAt, AuditEntry entry) {

    public AuditRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(entry, "entry");
    }
}
