package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.profile.BusinessProfile;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The business profiles Meta last answered, one per number of a tenant's, kept so a read while
 * Meta is down still answers, saying when it was read. A copy of Meta's, never a secret; it goes
 * with its configuration.
 */
public interface KeptBusinessProfiles {

    Optional<Kept> kept(TenantId tenantId, MetaId phoneNumberId);

    /** Keeps {@code profile}, read from Meta at {@code readAt}, in place of the number's earlier one. */
    void keep(TenantId tenantId, MetaId phoneNumberId, BusinessProfile profile, Instant readAt);

    record Kept(BusinessProfile profile, Instant readAt) {
        public Kept {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(readAt, "readAt");
        }
    }
}
