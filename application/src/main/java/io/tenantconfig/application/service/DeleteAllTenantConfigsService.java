package io.tenantconfig.application.service;

import io.tenantconfig.application.usecase.DeleteAllTenantConfigsUseCase;
import io.tenantconfig.domain.port.TenantConfigRepository;

/** Deletes every configuration, only when the exact confirmation phrase is given. */
public final class DeleteAllTenantConfigsService implements DeleteAllTenantConfigsUseCase {

    private final TenantConfigRepository repository;

    public DeleteAllTenantConfigsService(TenantConfigRepository repository) {
        this.repository = repository;
    }

    @Override
    public Result deleteAll(Command command) {
        if (!CONFIRMATION.equals(command.confirmation())) {
            return new Result.NotConfirmed();
        }
        return new Result.Deleted(repository.onBehalfOf(command.actor()).deleteAll());
    }
}
