package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the last checks found: one tenant's health, and for admins who needs action and how many are in each state. */
public interface ViewHealthUseCase {

    /** Empty when the tenant has no configuration. */
    Optional<Health> health(TenantId tenantId);

    /** Worst first. */
    List<HealthStore.TenantHealth> needingAction(int limit);

    Map<HealthState, Long> counts();
}
