package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.ConfigPage;
import io.tenantconfig.domain.health.HealthState;
import java.util.Objects;
import java.util.Optional;

/** An admin pages through every tenant's configuration. */
public interface ListConfigsUseCase {

    int MAX_LIMIT = 1000;

    ConfigPage list(PageRequest request);

    /** Which page: skip at least 0, limit 1 to 1000; only configurations in one health state, when given. */
    record PageRequest(long skip, int limit, Optional<HealthState> health) {

        public PageRequest(long skip, int limit) {
            this(skip, limit, Optional.empty());
        }

        public PageRequest {
            Objects.requireNonNull(health, "health");
            if (skip < 0) {
                throw new IllegalArgumentException("skip must be 0 or more");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }
}
