package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.AuditAction;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.ExpectedVersion;
import java.util.Objects;

/** A tenant, or an admin on its behalf, deletes a tenant's configuration. */
public interface DeleteTenantConfigUseCase {

    /**
     * @return {@link ConfigWriteResult.Done} with the configuration as it was,
     *     {@link ConfigWriteResult.NotFound} or {@link ConfigWriteResult.VersionMismatch}
     */
    ConfigWriteResult delete(Command command);

    /** @param auditAs how the audit trail names the deletion: DELETE (the tenant's own) or DELETE_TENANT (an admin's) */
    record Command(TenantId tenantId, Actor actor, ExpectedVersion expected, AuditAction auditAs) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(auditAs, "auditAs");
        }

        public Command(TenantId tenantId, Actor actor, ExpectedVersion expected) {
            this(tenantId, actor, expected, AuditAction.DELETE);
        }
    }
}
