package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.SettingsUpdate;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/** A tenant changes some settings of its configuration; the others keep their values. */
public interface ChangeSettingsUseCase {

    /**
     * Applies the update to the current version, under a lock, so concurrent changes never
     * overwrite each other. With an expected version, only while that is still the current one.
     */
    WriteResult changeSettings(Command command);

    record Command(TenantId tenantId, Actor actor, SettingsUpdate update, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
