package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ViewHealthUseCase;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class ViewHealthService implements ViewHealthUseCase {

    private final HealthStore healthStore;

    ViewHealthService(HealthStore healthStore) {
        this.healthStore = healthStore;
    }

    @Override
    public Optional<Health> health(TenantId tenantId) {
        return healthStore.healthOf(tenantId);
    }

    @Override
    public List<HealthStore.TenantHealth> needingAction(int limit) {
        return healthStore.needingAction(limit);
    }

    @Override
    public Map<HealthState, Long> counts() {
        return healthStore.counts();
    }
}
