package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.ExpectedVersion;
import java.util.Objects;

/**
 * A tenant takes its configuration out of use (the loader then falls back to the environment)
 * or puts it back.
 */
public interface ChangeActivationUseCase {

    /** @return {@link ConfigWriteResult.Done}, {@link ConfigWriteResult.NotFound} or {@link ConfigWriteResult.VersionMismatch} */
    ConfigWriteResult activate(Command command);

    /** @return {@link ConfigWriteResult.Done}, {@link ConfigWriteResult.NotFound} or {@link ConfigWriteResult.VersionMismatch} */
    ConfigWriteResult deactivate(Command command);

    record Command(TenantId tenantId, Actor actor, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
