package io.tenantconfig.domain.port;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.AuditRecord;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail. Changes are recorded by the repository in the transaction that makes them
 * ({@link TenantConfigRepository#onBehalfOf}); reads of secrets in clear are recorded here.
 */
public interface AuditTrail {

    void recordSecretsRead(TenantId tenantId, Actor actor);

    /** Newest first: {@code limit} records with ids below {@code before} (all when empty), of one tenant or all. */
    List<AuditRecord> page(Optional<TenantId> tenantId, Optional<Long> before, int limit);
}
