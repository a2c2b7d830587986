package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CreateConfigUseCase;
import io.tenantconfig.application.port.out.AlreadyOwnedException;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.Changed;
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
        Changed created;
        try {
            created = TenantConfig.create(command.tenantId(), command.actor().user(), command.initialValues(), clock);
        } catch (Refusal.RefusedException refused) {
            return new Result.Refused(refused.refusal());
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
