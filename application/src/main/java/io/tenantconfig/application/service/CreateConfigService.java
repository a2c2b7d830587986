package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CreateConfigUseCase;
import io.tenantconfig.application.port.out.AlreadyOwnedException;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.Changed;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.time.Clock;

final class CreateConfigService implements CreateConfigUseCase {

    private final ConfigStore store;
    private final Clock clock;

    CreateConfigService(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Result create(Command command) {
        Outcome outcome =
                TenantConfig.create(command.tenantId(), command.actor().user(), command.initialValues(), clock);
        if (outcome instanceof Refusal refusal) {
            return new Result.Refused(refusal);
        }
        if (!(outcome instanceof Changed created)) {
            throw new IllegalStateException("a new configuration is made or refused, never left unchanged");
        }
        try {
            return store.inTransaction(tx -> tx.insertIfAbsent(created.config())
                    .<Result>map(stored -> {
                        LockedWrite.record(tx, command.actor(), created);
                        return new Result.Created(stored);
                    })
                    .orElseGet(Result.AlreadyExists::new));
        } catch (AlreadyOwnedException e) {
            return new Result.Refused(LockedWrite.taken(e));
        }
    }
}
