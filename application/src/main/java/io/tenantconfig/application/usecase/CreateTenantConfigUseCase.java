package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.TenantConfigChanges;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/** A tenant sets up its configuration by hand. */
public interface CreateTenantConfigUseCase {

    /**
     * @return {@link ConfigWriteResult.Done} or {@link ConfigWriteResult.AlreadyExists}
     * @throws io.tenantconfig.domain.InvalidTenantConfigException naming every invalid field
     */
    ConfigWriteResult create(Command command);

    record Command(TenantId tenantId, Actor actor, TenantConfigChanges initialValues) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(initialValues, "initialValues");
        }
    }
}
