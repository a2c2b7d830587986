package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import java.time.Clock;

final class RemovePhoneNumberService implements RemovePhoneNumberUseCase {

    private final LockedWrite write;
    private final Clock clock;

    RemovePhoneNumberService(LockedWrite write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    @Override
    public WriteResult removePhoneNumber(Command command) {
        return write.apply(
                command.tenantId(),
                command.expected(),
                command.actor(),
                current -> current.removePhoneNumber(command.phoneNumberId(), clock));
    }
}
