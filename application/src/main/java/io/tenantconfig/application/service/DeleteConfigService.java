package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.DeleteConfigUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.TenantConfig;
import java.util.Optional;

final class DeleteConfigService implements DeleteConfigUseCase {

    private final ConfigStore store;

    DeleteConfigService(ConfigStore store) {
        this.store = store;
    }

    @Override
    public WriteResult delete(Command command) {
        AuditAction action = switch (command.requester()) {
            case TENANT -> AuditAction.DELETE;
            case ADMIN -> AuditAction.DELETE_TENANT;
        };
        return store.inTransaction(tx -> {
            Optional<TenantConfig> locked = tx.lockForDeletion(command.tenantId());
            if (locked.isEmpty()) {
                return new WriteResult.NotFound();
            }
            if (!command.expected().isSatisfiedBy(locked.get().version())) {
                return new WriteResult.VersionMismatch(locked.get().version());
            }
            tx.delete(locked.get());
            tx.record(AuditEntry.of(command.actor(), command.tenantId(), action));
            return new WriteResult.Done(locked.get());
        });
    }
}
