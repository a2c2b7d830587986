package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.domain.Limits;
import java.time.Clock;

final class AddPhoneNumberService implements AddPhoneNumberUseCase {

    private final LockedWrite write;
    private final Limits limits;
    private final Clock clock;

    /** @param limits the most numbers and accounts a tenant may have */
    AddPhoneNumberService(LockedWrite write, Limits limits, Clock clock) {
        this.write = write;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public WriteResult addPhoneNumber(Command command) {
        return write.apply(
                command.tenantId(),
                command.expected(),
                command.actor(),
                current -> current.addPhoneNumber(command.number(), limits, clock));
    }
}
