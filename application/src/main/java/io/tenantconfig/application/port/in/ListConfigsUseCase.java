package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.ConfigPage;

/** An admin pages through every tenant's configuration. */
public interface ListConfigsUseCase {

    int MAX_LIMIT = 1000;

    ConfigPage list(PageRequest request);

    /** Which page: skip at least 0, limit 1 to 1000. */
    record PageRequest(long skip, int limit) {
        public PageRequest {
            if (skip < 0) {
                throw new IllegalArgumentException("skip must be 0 or more");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }
}
