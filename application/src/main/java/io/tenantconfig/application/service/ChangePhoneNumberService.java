package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ChangePhoneNumberUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import java.time.Clock;

final class ChangePhoneNumberService implements ChangePhoneNumberUseCase {

    private final LockedWrite write;
    private final Clock clock;

    ChangePhoneNumberService(LockedWrite write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    @Override
    public WriteResult changePhoneNumber(Command command) {
        return write.apply(
                command.tenantId(),
                command.expected(),
                command.actor(),
                current -> current.changePhoneNumber(command.phoneNumberId(), command.update(), clock));
    }
}
