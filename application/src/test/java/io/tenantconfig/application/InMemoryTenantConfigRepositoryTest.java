package io.tenantconfig.application;

import io.tenantconfig.application.fixtures.InMemoryTenantConfigRepository;
import io.tenantconfig.application.fixtures.TenantConfigRepositoryContract;
import io.tenantconfig.domain.port.AuditTrail;
import io.tenantconfig.domain.port.TenantConfigRepository;

/** Keeps the fake that use-case tests stand on honest: it passes the same contract as PostgreSQL. */
class InMemoryTenantConfigRepositoryTest extends TenantConfigRepositoryContract {

    private InMemoryTenantConfigRepository repository;

    @Override
    protected TenantConfigRepository emptyRepository() {
        repository = new InMemoryTenantConfigRepository();
        return repository;
    }

    @Override
    protected AuditTrail auditTrail() {
        return repository;
    }
}
