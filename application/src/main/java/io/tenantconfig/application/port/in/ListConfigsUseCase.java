package io.tenantconfig.application.port.in;

import io.tenantconfig.application.ConfigFilter;
import io.tenantconfig.application.port.out.ConfigPage;
import io.tenantconfig.domain.health.HealthState;
import java.util.Objects;
import java.util.Optional;

/** An admin pages through every tenant's configuration. */
public interface ListConfigsUseCase {

    int MAX_LIMIT = 1000;

    ConfigPage list(PageRequest request);

    /**
     * Which page, in the order of the configurations' ids: after the configuration with id
     * {@code after} (keyset: as fast deep in the list as at its start), or past the first
     * {@code skip} (the earlier version's paging: slower the deeper it goes), not both; at most
     * {@code limit} (1 to 1000); only configurations the filter lets through.
     */
    record PageRequest(long skip, Optional<Long> after, int limit, ConfigFilter filter) {

        public PageRequest(long skip, int limit) {
            this(skip, Optional.empty(), limit, ConfigFilter.NONE);
        }

        public PageRequest(long skip, int limit, Optional<HealthState> health) {
            this(skip, Optional.empty(), limit, ConfigFilter.NONE.withHealth(health));
        }

        public PageRequest {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(filter, "filter");
            if (skip < 0) {
                throw new IllegalArgumentException("skip must be 0 or more");
            }
            if (after.isPresent() && skip > 0) {
                throw new IllegalArgumentException("page with after or with skip, not both");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }
}
