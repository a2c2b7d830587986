package io.tenantconfig.application.usecase;

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

    record Command(TenantId tenantId, Actor actor, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
