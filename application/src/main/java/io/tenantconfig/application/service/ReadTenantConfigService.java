package io.tenantconfig.application.service;

import io.tenantconfig.application.usecase.Actor;
import io.tenantconfig.application.usecase.ListTenantConfigsUseCase;
import io.tenantconfig.application.usecase.RevealTenantConfigUseCase;
import io.tenantconfig.application.usecase.TenantConfigStatisticsUseCase;
import io.tenantconfig.application.usecase.ViewTenantConfigUseCase;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.TenantConfigPage;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.util.Optional;

/** Reading configurations: one tenant's, or all of them for admins. */
public final class ReadTenantConfigService implements ViewTenantConfigUseCase, RevealTenantConfigUseCase,
        ListTenantConfigsUseCase, TenantConfigStatisticsUseCase {

    private final TenantConfigRepository repository;
    private final ResolutionCounter resolutions;

    public ReadTenantConfigService(TenantConfigRepository repository, ResolutionCounter resolutions) {
        this.repository = repository;
        this.resolutions = resolutions;
    }

    @Override
    public Optional<TenantConfig> view(TenantId tenantId) {
        return repository.findByTenant(tenantId);
    }

    @Override
    public Optional<TenantConfig> reveal(TenantId tenantId, Actor actor) {
        return repository.findByTenant(tenantId);
    }

    @Override
    public TenantConfigPage list(PageRequest request) {
        return repository.page(request.skip(), request.limit());
    }

    @Override
    public Report statistics() {
        return new Report(repository.statistics(), resolutions.snapshot());
    }
}
