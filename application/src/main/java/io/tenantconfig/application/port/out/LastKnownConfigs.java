package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader reads: a tenant's configuration as the database has it, or, while the database
 * cannot be reached, the copy last read from it, marked with the moment since which it may be out
 * of date. Message sending goes on through a short outage; how long a copy may be served is the
 * adapter's setting.
 */
public interface LastKnownConfigs {

    /**
     * @throws StoreUnavailableException when the database cannot be reached and there is no copy,
     *     or the copy is older than the adapter serves
     */
    LastKnown lastKnown(TenantId tenantId);

    /**
     * A configuration (or its absence) and, when it comes from memory during an outage, since when
     * changes made elsewhere may be missing from it.
     */
    record LastKnown(Optional<TenantConfig> config, Optional<Instant> staleSince) {

        public LastKnown {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(staleSince, "staleSince");
        }

        public static LastKnown current(Optional<TenantConfig> config) {
            return new LastKnown(config, Optional.empty());
        }

        public static LastKnown stale(Optional<TenantConfig> config, Instant since) {
            return new LastKnown(config, Optional.of(since));
        }
    }
}
