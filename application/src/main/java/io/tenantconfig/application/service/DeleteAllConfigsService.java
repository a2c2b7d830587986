package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.DeleteAllConfigsUseCase;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.DomainEvent;

/** Deletes every configuration, only when the exact confirmation phrase is given. */
final class DeleteAllConfigsService implements DeleteAllConfigsUseCase {

    private final ConfigStore store;

    DeleteAllConfigsService(ConfigStore store) {
        this.store = store;
    }

    @Override
    public Result deleteAll(Command command) {
        if (!CONFIRMATION.equals(command.confirmation())) {
            return new Result.NotConfirmed();
        }
        return store.inTransaction(tx -> {
            long deleted = tx.deleteAll();
            AuditEntry.of(command.actor(), new DomainEvent.AllConfigsDeleted(deleted))
                    .ifPresent(tx::record);
            return new Result.Deleted(deleted);
        });
    }
}
