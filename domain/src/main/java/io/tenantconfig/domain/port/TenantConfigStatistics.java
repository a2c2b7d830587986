package io.tenantconfig.domain.port;

/** How many configurations there are, by state. */
public record TenantConfigStatistics(long total, long active, long inactive, long onboarded, long pendingOnboarding) {

    public TenantConfigStatistics {
        if (total < 0 || active < 0 || inactive < 0 || onboarded < 0 || pendingOnboarding < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }
}
