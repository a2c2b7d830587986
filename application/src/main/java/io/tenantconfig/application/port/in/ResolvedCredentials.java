package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.TenantId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the loader answers for one tenant: whether it has an active configuration, whether
 * its onboarding is completed, and each credential with its source, in {@link CredentialField} order.
 */
public record ResolvedCredentials(
        TenantId tenantId,
        boolean hasTenantConfig,
        boolean onboardingCompleted,
        Map<CredentialField, ResolvedValue> values) {

    public ResolvedCredentials {
        Objects.requireNonNull(tenantId, "tenantId");
        if (!values.keySet().containsAll(EnumSet.allOf(CredentialField.class))) {
            throw new IllegalArgumentException("every credential field is resolved");
        }
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public ResolvedValue value(CredentialField field) {
        return values.get(field);
    }
}
