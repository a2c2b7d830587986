package io.tenantconfig.application.service;

import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.DeleteOutcome;
import io.tenantconfig.domain.port.ExpectedVersion;
import io.tenantconfig.domain.port.SaveOutcome;
import io.tenantconfig.domain.port.TenantConfigPage;
import io.tenantconfig.domain.port.TenantConfigRepository;
import io.tenantconfig.domain.port.TenantConfigStatistics;
import java.util.Optional;

/** A repository that forwards everything, for tests that interfere with one operation. */
class DelegatingRepository implements TenantConfigRepository {

    protected final TenantConfigRepository delegate;

    DelegatingRepository(TenantConfigRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<TenantConfig> findByTenant(TenantId tenantId) {
        return delegate.findByTenant(tenantId);
    }

    @Override
    public SaveOutcome insert(TenantConfig config) {
        return delegate.insert(config);
    }

    @Override
    public SaveOutcome update(TenantConfig changed) {
        return delegate.update(changed);
    }

    @Override
    public DeleteOutcome delete(TenantId tenantId, ExpectedVersion expected) {
        return delegate.delete(tenantId, expected);
    }

    @Override
    public long deleteAll() {
        return delegate.deleteAll();
    }

    @Override
    public TenantConfigPage page(long skip, int limit) {
        return delegate.page(skip, limit);
    }

    @Override
    public TenantConfigStatistics statistics() {
        return delegate.statistics();
    }
}
