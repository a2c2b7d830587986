package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail. Changes record their entries in their own transaction
 * ({@link ConfigStore.Transaction#record}); reads of secrets in clear are recorded here.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Newest first: at most {@code limit} records with ids below {@code before} (all when empty), of one tenant or all. */
    List<AuditRecord> page(Optional<TenantId> tenantId, Optional<Long> before, int limit);
}
