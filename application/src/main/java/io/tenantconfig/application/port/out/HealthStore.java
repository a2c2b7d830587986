package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each tenant's last health check, kept beside its configuration (and deleted with it). */
public interface HealthStore {

    /** The tenant's last health; {@link Health#NEVER_CHECKED} when it was never checked, empty without a configuration. */
    Optional<Health> healthOf(TenantId tenantId);

    /**
     * Stores the tenant's new health and the events it causes, in one transaction.
     *
     * @return false when the tenant's configuration is gone (nothing stored)
     */
    boolean record(TenantId tenantId, Health health, List<PlatformEvent> events);

    /** How many configurations are in each state (never checked ones as {@code UNKNOWN}). */
    Map<HealthState, Long> counts();

    /** The tenants whose state needs action, worst first, then longest in that state. */
    List<TenantHealth> needingAction(int limit);

    /** A tenant's health, for the admin lists. */
    record TenantHealth(TenantId tenantId, Health health) {}
}
