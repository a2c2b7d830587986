package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import java.time.Clock;

final class AddPhoneNumberService implements AddPhoneNumberUseCase {

    private final LockedWrite write;
    private final int limit;
    private final Clock clock;

    /** @param limit the most numbers a tenant may have */
    AddPhoneNumberService(LockedWrite write, int limit, Clock clock) {
        this.write = write;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public WriteResult addPhoneNumber(Command command) {
        return write.apply(
                command.tenantId(),
                command.expected(),
                command.actor(),
                current -> current.addPhoneNumber(command.number(), limit, clock));
    }
}
