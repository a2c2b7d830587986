package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the loader answers for one tenant: whether it has an active configuration, whether
 * its onboarding is completed, and each credential with its source, in {@link CredentialField} order.
 *
 * @param staleSince present when the database could not be reached and the answer comes from the
 *     copy in memory: changes made since then (on any instance) may be missing from it
 */
public record ResolvedCredentials(
        TenantId tenantId,
        boolean hasTenantConfig,
        boolean onboardingCompleted,
        Map<CredentialField, ResolvedValue> values,
        Optional<Instant> staleSince) {

    public ResolvedCredentials {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(staleSince, "staleSince");
        if (!values.keySet().containsAll(EnumSet.allOf(CredentialField.class))) {
            throw new IllegalArgumentException("every credential field is resolved");
        }
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public ResolvedValue value(CredentialField field) {
        return values.get(field);
    }

    /** Whether the answer comes from memory while the database cannot be reached. */
    public boolean isStale() {
        return staleSince.isPresent();
    }
}
