package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SetAccountTokenUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import java.time.Clock;

final class SetAccountTokenService implements SetAccountTokenUseCase {

    private final LockedWrite write;
    private final Clock clock;

    SetAccountTokenService(LockedWrite write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    @Override
    public WriteResult setAccountToken(Command command) {
        return write.apply(
                command.tenantId(),
                command.expected(),
                command.actor(),
                current ->
                        current.setAccountToken(command.wabaId(), command.accessToken(), command.expiresAt(), clock));
    }
}
