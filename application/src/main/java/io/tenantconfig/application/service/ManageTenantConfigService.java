package io.tenantconfig.application.service;

import io.tenantconfig.application.usecase.ChangeActivationUseCase;
import io.tenantconfig.application.usecase.ConfigWriteResult;
import io.tenantconfig.application.usecase.CreateTenantConfigUseCase;
import io.tenantconfig.application.usecase.DeleteTenantConfigUseCase;
import io.tenantconfig.application.usecase.UpdateTenantConfigUseCase;
import io.tenantconfig.domain.ActivationResult;
import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.port.DeleteOutcome;
import io.tenantconfig.domain.port.SaveOutcome;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.time.Clock;
import java.util.Optional;

/** Creating and changing one tenant's configuration. */
public final class ManageTenantConfigService implements CreateTenantConfigUseCase, UpdateTenantConfigUseCase,
        ChangeActivationUseCase, DeleteTenantConfigUseCase {

    private final TenantConfigRepository repository;
    private final Clock clock;

    public ManageTenantConfigService(TenantConfigRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Writes recorded in the audit trail as the actor's. */
    private OptimisticWriter writer(Actor actor) {
        return new OptimisticWriter(repository.onBehalfOf(actor));
    }

    @Override
    public ConfigWriteResult create(CreateTenantConfigUseCase.Command command) {
        TenantConfig config = TenantConfig.create(
                command.tenantId(), command.actor().subject(), command.initialValues(), clock);
        SaveOutcome outcome = repository.onBehalfOf(command.actor()).insert(config);
        if (outcome instanceof SaveOutcome.Saved saved) {
            return new ConfigWriteResult.Done(saved.config());
        }
        return new ConfigWriteResult.AlreadyExists();
    }

    @Override
    public ConfigWriteResult update(UpdateTenantConfigUseCase.Command command) {
        return writer(command.actor()).apply(command.tenantId(), command.expected(),
                current -> Optional.of(current.update(command.changes(), clock)));
    }

    @Override
    public ConfigWriteResult activate(ChangeActivationUseCase.Command command) {
        return writer(command.actor()).apply(command.tenantId(), command.expected(),
                current -> changed(current.activate(clock)));
    }

    @Override
    public ConfigWriteResult deactivate(ChangeActivationUseCase.Command command) {
        return writer(command.actor()).apply(command.tenantId(), command.expected(),
                current -> changed(current.deactivate(clock)));
    }

    @Override
    public ConfigWriteResult delete(DeleteTenantConfigUseCase.Command command) {
        DeleteOutcome outcome = repository.onBehalfOf(command.actor(), command.auditAs())
                .delete(command.tenantId(), command.expected());
        if (outcome instanceof DeleteOutcome.Deleted deleted) {
            return new ConfigWriteResult.Done(deleted.config());
        }
        if (outcome instanceof SaveOutcome.VersionConflict conflict) {
            return new ConfigWriteResult.VersionMismatch(conflict.currentVersion());
        }
        return new ConfigWriteResult.NotFound();
    }

    private static Optional<TenantConfig> changed(ActivationResult result) {
        return result instanceof ActivationResult.Switched ? Optional.of(result.config()) : Optional.empty();
    }
}
