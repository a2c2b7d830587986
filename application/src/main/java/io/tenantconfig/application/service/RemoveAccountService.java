package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.RemoveAccountUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import java.time.Clock;

final class RemoveAccountService implements RemoveAccountUseCase {

    private final LockedWrite write;
    private final Clock clock;

    RemoveAccountService(LockedWrite write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    @Override
    public WriteResult removeAccount(Command command) {
        return write.apply(
                command.tenantId(),
                command.expected(),
                command.actor(),
                current -> current.removeAccount(command.wabaId(), clock));
    }
}
