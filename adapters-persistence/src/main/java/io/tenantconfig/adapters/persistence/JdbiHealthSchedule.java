package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The sweep's schedule in {@code tenant_health} ({@code next_check_at}, {@code lease_owner},
 * {@code lease_until}). Due rows are leased with {@code FOR UPDATE SKIP LOCKED}: instances
 * leasing at the same moment take different tenants, never wait for each other, and a row whose
 * lease has run out is due again. Times come from the caller's clock, never the database's, so
 * the schedule can be tested by moving a clock.
 */
final class JdbiHealthSchedule implements HealthSchedule {

    private static final String ENROLL = """
        INSERT INTO tenant_health (config_id, next_check_at)
        SELECT c.id, CAST(:now AS timestamptz) + random() * CAST(:interval AS interval)
        FROM tenant_configs c
        WHERE c.is_active
          AND EXISTS (SELECT 1 FROM whatsapp_accounts a WHERE a.config_id = c.id AND a.access_token IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM tenant_health h WHERE h.config_id = c.id)
        ON CONFLICT (config_id) DO NOTHING\
        """;

    private static final String CLAIM = """
        UPDATE tenant_health h SET lease_owner = :owner, lease_until = :until
        FROM tenant_configs c
        WHERE c.id = h.config_id AND h.config_id IN (
          SELECT d.config_id FROM tenant_health d JOIN tenant_configs dc ON dc.id = d.config_id
          WHERE dc.is_active AND d.next_check_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now)
          ORDER BY d.next_check_at LIMIT :limit
          FOR UPDATE OF d SKIP LOCKED)
        RETURNING c.tenant_id\
        """;

    private static final String CHECKED = """
        UPDATE tenant_health h SET next_check_at = :next, lease_owner = NULL, lease_until = NULL
        FROM tenant_configs c
        WHERE c.id = h.config_id AND c.tenant_id = :tenant AND h.lease_owner = :owner\
        """;

    private static final String DUE_NOW = """
        INSERT INTO tenant_health (config_id, next_check_at)
        SELECT id, :now FROM tenant_configs WHERE tenant_id = :tenant
        ON CONFLICT (config_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at\
        """;

    private final Jdbi jdbi;

    JdbiHealthSchedule(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enroll(Instant now, Duration interval) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(ENROLL)
                .bind("now", TenantConfigRow.timestamp(now))
                .bind("interval", interval.toMillis() + " milliseconds")
                .execute()));
    }

    @Override
    public List<TenantId> claimDue(String owner, Instant now, Duration lease, int limit) {
        return Availability.available(() -> jdbi.inTransaction(handle -> handle.createQuery(CLAIM)
                .bind("owner", owner)
                .bind("until", TenantConfigRow.timestamp(now.plus(lease)))
                .bind("now", TenantConfigRow.timestamp(now))
                .bind("limit", limit)
                .map((rs, ctx) -> TenantId.of(rs.getString("tenant_id")))
                .list()));
    }

    @Override
    public void checked(TenantId tenantId, String owner, Instant next) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(CHECKED)
                .bind("next", TenantConfigRow.timestamp(next))
                .bind("tenant", tenantId.value())
                .bind("owner", owner)
                .execute()));
    }

    @Override
    public boolean dueNow(TenantId tenantId, Instant now) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(DUE_NOW)
                        .bind("now", TenantConfigRow.timestamp(now))
                        .bind("tenant", tenantId.value())
                        .execute())
                > 0);
    }
}
