package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.TenantConfigChanges;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.ExpectedVersion;
import java.util.Objects;

/** A tenant changes some fields of its configuration; the others stay as they are. */
public interface UpdateTenantConfigUseCase {

    /**
     * Applies the change to the current version. With an expected version, only if that is still
     * the current one; without, on whatever is current, never losing a concurrent change.
     *
     * @return {@link ConfigWriteResult.Done}, {@link ConfigWriteResult.NotFound} or
     *     {@link ConfigWriteResult.VersionMismatch}
     * @throws io.tenantconfig.domain.InvalidTenantConfigException naming every invalid field
     */
    ConfigWriteResult update(Command command);

    record Command(TenantId tenantId, Actor actor, TenantConfigChanges changes, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
