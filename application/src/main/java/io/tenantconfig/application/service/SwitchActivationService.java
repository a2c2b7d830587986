package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SwitchActivationUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import java.time.Clock;

final class SwitchActivationService implements SwitchActivationUseCase {

    private final LockedWrite write;
    private final Clock clock;

    SwitchActivationService(LockedWrite write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    @Override
    public WriteResult switchActivation(Command command) {
        return write.apply(command.tenantId(), command.expected(), command.actor(), current -> switch (command.to()) {
            case ACTIVE -> current.activate(clock);
            case INACTIVE -> current.deactivate(clock);
        });
    }
}
