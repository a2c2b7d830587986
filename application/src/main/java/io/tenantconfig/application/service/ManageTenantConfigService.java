package io.tenantconfig.application.service;

import io.tenantconfig.application.usecase.ChangeActivationUseCase;
import io.tenantconfig.application.usecase.ConfigWriteResult;
import io.tenantconfig.application.usecase.CreateTenantConfigUseCase;
import io.tenantconfig.application.usecase.DeleteTenantConfigUseCase;
import io.tenantconfig.application.usecase.UpdateTenantConfigUseCase;
import io.tenantconfig.domain.ActivationResult;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.DeleteOutcome;
import io.tenantconfig.domain.port.ExpectedVersion;
import io.tenantconfig.domain.port.SaveOutcome;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** Creating and changing one tenant's configuration. */
public final class ManageTenantConfigService implements CreateTenantConfigUseCase, UpdateTenantConfigUseCase,
        ChangeActivationUseCase, DeleteTenantConfigUseCase {

    /**
     * How often a change without an expected version is re-applied when another writer got in
     * first. Each attempt re-reads, so a retry never overwrites what the other writer did.
     */
    static final int MAX_ATTEMPTS = 5;

    private final TenantConfigRepository repository;
    private final Clock clock;

    public ManageTenantConfigService(TenantConfigRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public ConfigWriteResult create(CreateTenantConfigUseCase.Command command) {
        TenantConfig config = TenantConfig.create(
                command.tenantId(), command.actor().subject(), command.initialValues(), clock);
        SaveOutcome outcome = repository.insert(config);
        if (outcome instanceof SaveOutcome.Saved saved) {
            return new ConfigWriteResult.Done(saved.config());
        }
        return new ConfigWriteResult.AlreadyExists();
    }

    @Override
    public ConfigWriteResult update(UpdateTenantConfigUseCase.Command command) {
        return change(command.tenantId(), command.expected(),
                current -> Optional.of(current.update(command.changes(), clock)));
    }

    @Override
    public ConfigWriteResult activate(ChangeActivationUseCase.Command command) {
        return change(command.tenantId(), command.expected(), current -> changed(current.activate(clock)));
    }

    @Override
    public ConfigWriteResult deactivate(ChangeActivationUseCase.Command command) {
        return change(command.tenantId(), command.expected(), current -> changed(current.deactivate(clock)));
    }

    @Override
    public ConfigWriteResult delete(DeleteTenantConfigUseCase.Command command) {
        DeleteOutcome outcome = repository.delete(command.tenantId(), command.expected());
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

    /**
     * Reads the current configuration, applies {@code rule} and stores the result against the
     * version read. An empty result from the rule means nothing changed and nothing is written.
     */
    private ConfigWriteResult change(TenantId tenantId, ExpectedVersion expected,
            Function<TenantConfig, Optional<TenantConfig>> rule) {
        for (int attempt = 1; ; attempt++) {
            Optional<TenantConfig> found = repository.findByTenant(tenantId);
            if (found.isEmpty()) {
                return new ConfigWriteResult.NotFound();
            }
            TenantConfig current = found.get();
            if (!expected.isSatisfiedBy(current.version())) {
                return new ConfigWriteResult.VersionMismatch(current.version());
            }
            Optional<TenantConfig> changed = rule.apply(current);
            if (changed.isEmpty()) {
                return new ConfigWriteResult.Done(current);
            }
            SaveOutcome outcome = repository.update(changed.get());
            if (outcome instanceof SaveOutcome.Saved saved) {
                return new ConfigWriteResult.Done(saved.config());
            }
            if (outcome instanceof SaveOutcome.NotFound) {
                return new ConfigWriteResult.NotFound();
            }
            SaveOutcome.VersionConflict conflict = (SaveOutcome.VersionConflict) outcome;
            if (expected.value().isPresent() || attempt == MAX_ATTEMPTS) {
                return new ConfigWriteResult.VersionMismatch(conflict.currentVersion());
            }
        }
    }
}
