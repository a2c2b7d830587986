package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/**
 * A tenant takes its configuration out of use (the loader then falls back to the environment)
 * or puts it back. Asking for the state it is in already changes nothing.
 */
public interface SwitchActivationUseCase {

    WriteResult switchActivation(Command command);

    enum Activation {
        ACTIVE,
        INACTIVE
    }

    record Command(TenantId tenantId, Actor actor, ExpectedVersion expected, Activation to) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(to, "to");
        }
    }
}
