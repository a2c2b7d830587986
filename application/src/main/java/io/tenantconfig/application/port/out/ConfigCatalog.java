package io.tenantconfig.application.port.out;

import io.tenantconfig.application.ConfigFilter;
import java.util.Optional;

/** Every tenant's configuration at once, for the platform's admins. */
public interface ConfigCatalog {

    /**
     * Configurations the filter lets through, in the order of their ids: those after id
     * {@code after} when given, else past the first {@code skip}; at most {@code limit}; with
     * how many the filter lets through in all, and the cursor of the next page when there is one.
     */
    ConfigPage page(ConfigFilter filter, Optional<Long> after, long skip, int limit);

    /** Counts by state, in one consistent read. */
    ConfigStatistics statistics();
}
