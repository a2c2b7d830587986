package io.tenantconfig.application.service;

import io.tenantconfig.application.usecase.ConfigWriteResult;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.ExpectedVersion;
import io.tenantconfig.domain.port.SaveOutcome;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies a rule to a tenant's current configuration and stores the result against the version
 * it read. When another writer got in first and the caller named no version, it reads again and
 * re-applies the rule, so the other writer's change is kept and this one is not lost.
 */
final class OptimisticWriter {

    /** How often a change is re-applied before the writer gives up on a busy configuration. */
    static final int MAX_ATTEMPTS = 5;

    private final TenantConfigRepository repository;

    OptimisticWriter(TenantConfigRepository repository) {
        this.repository = repository;
    }

    /**
     * @param rule the change; an empty result means nothing changes and nothing is written
     */
    ConfigWriteResult apply(TenantId tenantId, ExpectedVersion expected,
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
