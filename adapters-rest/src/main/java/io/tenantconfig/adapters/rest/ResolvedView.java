package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.ResolvedValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the loader answers for the caller's tenant, as {@code GET /config/resolved} shows it;
 * {@code stale} (with {@code stale_since}) when it comes from memory during a database outage;
 * {@code capacity} says how fast the resolved number may send.
 */
public record ResolvedView(
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("has_tenant_config") boolean hasTenantConfig,
        @JsonProperty("onboarding_completed") boolean onboardingCompleted,
        @JsonProperty("values") Map<String, Value> values,
        @JsonProperty("stale") boolean stale,

        /** Of the resolved phone number; {@code null} when none is resolved. */
        @JsonProperty("capacity") CapacityView capacity,

        @JsonProperty("stale_since") @JsonInclude(JsonInclude.Include.NON_NULL)
        String staleSince) {

    public record Value(
            @JsonProperty("value") String value,
            @JsonProperty("source") String source) {}

    /** Secrets are masked unless {@code reveal}; {@code capacity} of the resolved number. */
    static ResolvedView of(ResolvedCredentials credentials, boolean reveal, CapacityView capacity) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (ResolvedValue value : credentials.values().values()) {
            values.put(
                    value.field().fieldName(),
                    new Value(
                            reveal ? value.value() : value.maskedValue(),
                            value.source().label()));
        }
        return new ResolvedView(
                credentials.tenantId().value(),
                credentials.hasTenantConfig(),
                credentials.onboardingCompleted(),
                values,
                credentials.isStale(),
                capacity,
                credentials.staleSince().map(Instant::toString).orElse(null));
    }

    @Override
    public String toString() {
        return "ResolvedView[tenantId=" + tenantId + "]";
    }
}
