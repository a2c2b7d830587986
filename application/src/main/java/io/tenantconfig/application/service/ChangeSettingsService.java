package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ChangeSettingsUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import java.time.Clock;

final class ChangeSettingsService implements ChangeSettingsUseCase {

    private final LockedWrite write;
    private final Clock clock;

    ChangeSettingsService(LockedWrite write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    @Override
    public WriteResult changeSettings(Command command) {
        return write.apply(
                command.tenantId(),
                command.expected(),
                command.actor(),
                current -> current.changeSettings(command.update(), clock));
    }
}
