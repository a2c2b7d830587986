package io.tenantconfig.application.port.out;

/** How many configurations there are, by state, and how many WhatsApp Business Accounts they hold. */
public record ConfigStatistics(
        long total, long active, long inactive, long onboarded, long pendingOnboarding, long accounts) {

    public ConfigStatistics {
        if (total < 0 || active < 0 || inactive < 0 || onboarded < 0 || pendingOnboarding < 0 || accounts < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }
}
