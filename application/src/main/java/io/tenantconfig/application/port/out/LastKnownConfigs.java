package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader reads: what it needs of a tenant's configuration ({@link StoredCredentials}) as
 * the database has it, or, while the database cannot be reached, the copy last read from it,
 * marked with the moment since which it may be out of date. Message sending goes on through a
 * short outage; how long a copy may be served is the adapter's setting.
 */
public interface LastKnownConfigs {

    /**
     * @throws StoreUnavailableException when the database cannot be reached and there is no copy,
     *     or the copy is older than the adapter serves
     */
    LastKnown lastKnown(TenantId tenantId);

    /**
     * A configuration's credentials (or the absence of a configuration) and, when they come from
     * memory during an outage, since when changes made elsewhere may be missing from them.
     */
    record LastKnown(Optional<StoredCredentials> credentials, Optional<Instant> staleSince) {

        public LastKnown {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(staleSince, "staleSince");
        }

        public static LastKnown current(Optional<StoredCredentials> credentials) {
            return new LastKnown(credentials, Optional.empty());
        }

        public static LastKnown stale(Optional<StoredCredentials> credentials, Instant since) {
            return new LastKnown(credentials, Optional.of(since));
        }
    }
}
