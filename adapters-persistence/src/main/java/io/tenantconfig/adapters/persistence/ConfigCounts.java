package io.tenantconfig.adapters.persistence;

/**
 * How many configurations (and WhatsApp Business Accounts) there are, read from the counts the changes keep in
 * {@code tenant_config_counts} (changeSet 14: statement-level triggers on {@code tenant_configs}
 * add each statement's difference to one of 16 stripes) instead of counting the table. Consistent
 * with the rows in any snapshot: the counts change in the transaction that changes the rows.
 */
final class ConfigCounts {

    /** Every configuration. */
    static final String TOTAL = "SELECT coalesce(sum(total), 0) FROM tenant_config_counts";

    /** The columns of {@code ConfigStatistics}. */
    static final String STATISTICS = """
            SELECT coalesce(sum(total), 0)                 AS total,
                   coalesce(sum(active), 0)                AS active,
                   coalesce(sum(total) - sum(active), 0)   AS inactive,
                   coalesce(sum(onboarded), 0)             AS onboarded,
                   coalesce(sum(total) - sum(onboarded), 0) AS pending_onboarding,
                   coalesce(sum(accounts), 0)              AS accounts
            FROM tenant_config_counts""";

    private ConfigCounts() {}
}
