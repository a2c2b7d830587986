package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.NumberCapacities;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.CapacityUpdate;
import io.tenantconfig.domain.capacity.NumberCapacity;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Capacity in the number's own row of {@code tenant_phone_numbers} (its columns from changeSet
 * 30): each write stamps {@code capacity_updated_at}, and, when a value changed, announces the
 * tenant on {@link ConfigNotifications#CHANNEL} in the same transaction, so every instance's
 * {@link NumberIndex} re-reads the tenant's numbers; this instance's is told once it committed.
 * A check that reads what was known already announces nothing.
 */
final class JdbiNumberCapacities implements NumberCapacities {

    /**
     * The old row joined to itself gives the values before the update, so the update says whether
     * it changed any. A value not said ({@code null}) keeps the old one.
     */
    private static final String CHECKED = """
            UPDATE tenant_phone_numbers n SET
              throughput_level = COALESCE(CAST(:throughput AS VARCHAR), n.throughput_level),
              quality_rating = COALESCE(CAST(:quality AS VARCHAR), n.quality_rating),
              messaging_limit_tier = COALESCE(CAST(:tier AS VARCHAR), n.messaging_limit_tier),
              name_status = COALESCE(CAST(:nameStatus AS VARCHAR), n.name_status),
              capacity_updated_at = :at
            FROM tenant_phone_numbers old
            WHERE old.id = n.id AND n.phone_number_id = :number
              AND n.config_id = (SELECT id FROM tenant_configs WHERE tenant_id = :tenant)
            RETURNING (old.throughput_level, old.quality_rating, old.messaging_limit_tier, old.name_status)
              IS DISTINCT FROM (n.throughput_level, n.quality_rating, n.messaging_limit_tier, n.name_status)\
            """;

    /**
     * The throughput of the account's number whose display number has the digits named; the
     * portfolio's tier for every number of the account.
     */
    private static final String UPDATED = """
            UPDATE tenant_phone_numbers n SET
              throughput_level = CASE WHEN old.display_digits = CAST(:digits AS VARCHAR)
                THEN COALESCE(CAST(:throughput AS VARCHAR), n.throughput_level) ELSE n.throughput_level END,
              messaging_limit_tier = COALESCE(CAST(:tier AS VARCHAR), n.messaging_limit_tier),
              capacity_updated_at = :at
            FROM (SELECT o.*, regexp_replace(COALESCE(o.display_phone_number, ''), '[^0-9]', '', 'g') AS display_digits
                  FROM tenant_phone_numbers o) old
            WHERE old.id = n.id
              AND n.account_id = (SELECT a.id FROM whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id
                                  WHERE c.tenant_id = :tenant AND a.waba_id = :waba)
              AND (CAST(:tier AS VARCHAR) IS NOT NULL
                   OR (CAST(:throughput AS VARCHAR) IS NOT NULL AND old.display_digits = CAST(:digits AS VARCHAR)))
            RETURNING (old.throughput_level, old.messaging_limit_tier)
              IS DISTINCT FROM (n.throughput_level, n.messaging_limit_tier)\
            """;

    private final Jdbi jdbi;
    private final Consumer<TenantId> afterCommit;

    /** @param afterCommit told of each tenant whose capacity changed, once the change is committed */
    JdbiNumberCapacities(Jdbi jdbi, Consumer<TenantId> afterCommit) {
        this.jdbi = jdbi;
        this.afterCommit = afterCommit;
    }

    @Override
    public void checked(TenantId tenantId, Map<MetaId, NumberCapacity> capacities, Instant at) {
        if (capacities.isEmpty()) {
            return;
        }
        boolean changed = Availability.available(() -> jdbi.inTransaction(handle -> {
            boolean any = false;
            for (Map.Entry<MetaId, NumberCapacity> entry : capacities.entrySet()) {
                NumberCapacity capacity = entry.getValue();
                any |= handle.createQuery(CHECKED)
                        .bind("throughput", capacity.throughputLevel())
                        .bind("quality", capacity.qualityRating())
                        .bind("tier", capacity.messagingLimitTier())
                        .bind("nameStatus", capacity.nameStatus())
                        .bind("at", TenantConfigRow.timestamp(at))
                        .bind("number", entry.getKey().value())
                        .bind("tenant", tenantId.value())
                        .mapTo(Boolean.class)
                        .list()
                        .contains(true);
            }
            return any && announce(handle, tenantId);
        }));
        if (changed) {
            afterCommit.accept(tenantId);
        }
    }

    @Override
    public void updated(TenantId tenantId, MetaId wabaId, CapacityUpdate update, Instant at) {
        if (!update.saysSomething()) {
            return;
        }
        boolean changed = Availability.available(() -> jdbi.inTransaction(handle -> {
            boolean any = handle.createQuery(UPDATED)
                    .bind("digits", update.displayDigits())
                    .bind("throughput", update.throughputLevel())
                    .bind("tier", update.messagingLimitTier())
                    .bind("at", TenantConfigRow.timestamp(at))
                    .bind("tenant", tenantId.value())
                    .bind("waba", wabaId.value())
                    .mapTo(Boolean.class)
                    .list()
                    .contains(true);
            return any && announce(handle, tenantId);
        }));
        if (changed) {
            afterCommit.accept(tenantId);
        }
    }

    /** Every instance hears of the tenant when (and only if) the transaction commits. */
    private static boolean announce(Handle handle, TenantId tenantId) {
        handle.createQuery("SELECT pg_notify(:channel, :tenant)")
                .bind("channel", ConfigNotifications.CHANNEL)
                .bind("tenant", tenantId.value())
                .mapToMap()
                .list();
        return true;
    }
}
