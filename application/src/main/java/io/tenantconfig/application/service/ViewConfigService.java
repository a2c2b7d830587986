package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

final class ViewConfigService implements ViewConfigUseCase {

    private final ConfigStore store;

    ViewConfigService(ConfigStore store) {
        this.store = store;
    }

    @Override
    public Optional<TenantConfig> view(TenantId tenantId) {
        return store.load(tenantId);
    }
}
