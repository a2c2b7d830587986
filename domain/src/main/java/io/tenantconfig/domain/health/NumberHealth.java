package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.util.Objects;

/** What Meta reported about one of the tenant's numbers at the last check ({@code null}: not reported). */
public record NumberHealth(MetaId phoneNumberId, String status, String qualityRating) {

    public NumberHealth {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    }
}
