package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.health.HealthState;
import java.util.Optional;

/** Every tenant's configuration at once, for the platform's admins. */
public interface ConfigCatalog {

    /**
     * Configurations in a stable order (by id), {@code skip} first, at most {@code limit}, with the
     * total; only those whose last health check found {@code health} when it is given (never
     * checked counts as {@code UNKNOWN}).
     */
    ConfigPage page(long skip, int limit, Optional<HealthState> health);

    /** Counts by state, in one consistent read. */
    ConfigStatistics statistics();
}
