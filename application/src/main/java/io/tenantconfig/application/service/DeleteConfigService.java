package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.DeleteConfigUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.TenantConfig;
import java.util.Optional;

final class DeleteConfigService implements DeleteConfigUseCase {

    private final ConfigStore store;

    DeleteConfigService(ConfigStore store) {
        this.store = store;
    }

    @Override
    public WriteResult delete(Command command) {
        DomainEvent deleted = new DomainEvent.ConfigDeleted(
                command.tenantId(),
                switch (command.requester()) {
                    case TENANT -> DomainEvent.ConfigDeleted.By.TENANT;
                    case ADMIN -> DomainEvent.ConfigDeleted.By.ADMIN;
                });
        return store.inTransaction(tx -> {
            Optional<TenantConfig> locked = tx.lockForDeletion(command.tenantId());
            if (locked.isEmpty()) {
                return new WriteResult.NotFound();
            }
            if (!command.expected().isSatisfiedBy(locked.get().version())) {
                return new WriteResult.VersionMismatch(locked.get().version());
            }
            tx.delete(locked.get());
            AuditEntry.of(command.actor(), deleted).ifPresent(tx::record);
            return new WriteResult.Done(locked.get());
        });
    }
}
