package io.tenantconfig.application.service;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.application.usecase.ListTenantConfigsUseCase;
import io.tenantconfig.application.usecase.RevealTenantConfigUseCase;
import io.tenantconfig.application.usecase.TenantConfigStatisticsUseCase;
import io.tenantconfig.application.usecase.ViewTenantConfigUseCase;
import io.tenantconfig.application.usecase.AuditTrailUseCase;
import io.tenantconfig.domain.AuditRecord;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.AuditTrail;
import io.tenantconfig.domain.port.TenantConfigPage;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.util.List;
import java.util.Optional;

/** Reading configurations: one tenant's, or all of them for admins. */
public final class ReadTenantConfigService implements ViewTenantConfigUseCase, RevealTenantConfigUseCase,
        ListTenantConfigsUseCase, TenantConfigStatisticsUseCase, AuditTrailUseCase {

    private final TenantConfigRepository repository;
    private final AuditTrail auditTrail;
    private final ResolutionCounter resolutions;

    public ReadTenantConfigService(TenantConfigRepository repository, AuditTrail auditTrail,
            ResolutionCounter resolutions) {
        this.repository = repository;
        this.auditTrail = auditTrail;
        this.resolutions = resolutions;
    }

    @Override
    public Optional<TenantConfig> view(TenantId tenantId) {
        return repository.findByTenant(tenantId);
    }

    @Override
    public Optional<TenantConfig> reveal(TenantId tenantId, Actor actor) {
        Optional<TenantConfig> config = repository.findByTenant(tenantId);
        config.ifPresent(found -> auditTrail.recordSecretsRead(tenantId, actor));
        return config;
    }

    @Override
    public List<AuditRecord> page(AuditTrailUseCase.Query query) {
        return auditTrail.page(query.tenantId(), query.before(), query.limit());
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
