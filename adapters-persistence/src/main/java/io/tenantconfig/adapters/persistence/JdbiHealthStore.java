package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthState;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Health in PostgreSQL: one {@code tenant_health} row per configuration that was checked (a
 * configuration without one was never checked), written with the events it causes in one
 * transaction. Not cached: it is read by people and sweeps, not on the hot path.
 */
final class JdbiHealthStore implements HealthStore {

    /** Worst first, as {@link HealthState} declares them. */
    private static final String SEVERITY = "array_position(ARRAY["
            + Arrays.stream(HealthState.values()).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
            + "]::varchar[], h.state)";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration checkInterval;

    /**
     * @param clock and {@code checkInterval}: a tenant checked before any sweep enrolled it is next
     *     due one interval after this first check
     */
    JdbiHealthStore(Jdbi jdbi, Clock clock, Duration checkInterval) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    @Override
    public Optional<Health> healthOf(TenantId tenantId) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery("SELECT c.id, "
                        + HealthRow.COLUMNS + " FROM tenant_configs c LEFT JOIN tenant_health h"
                        + " ON h.config_id = c.id WHERE c.tenant_id = :tenant")
                .bind("tenant", tenantId.value())
                .map((rs, ctx) -> rs.getString("state") == null ? Health.NEVER_CHECKED : HealthRow.read(rs))
                .findOne()));
    }

    @Override
    public boolean record(TenantId tenantId, Health health, List<PlatformEvent> events) {
        return Availability.available(() -> jdbi.inTransaction(handle -> {
            Optional<Long> configId = handle.createQuery("SELECT id FROM tenant_configs WHERE tenant_id = :tenant")
                    .bind("tenant", tenantId.value())
                    .mapTo(Long.class)
                    .findOne();
            if (configId.isEmpty()) {
                return false;
            }
            handle.createUpdate("""
                INSERT INTO tenant_health (config_id, state, reasons, numbers, checked_at, token_expires_at,
                                           failed_at, last_error, accounts, next_check_at)
                VALUES (:configId, :state, :reasons, :numbers, :checkedAt, :expiresAt, :failedAt, :lastError,
                        :accounts, :next)
                ON CONFLICT (config_id) DO UPDATE SET state = EXCLUDED.state, reasons = EXCLUDED.reasons,
                  numbers = EXCLUDED.numbers, checked_at = EXCLUDED.checked_at,
                  token_expires_at = EXCLUDED.token_expires_at, failed_at = EXCLUDED.failed_at,
                  last_error = EXCLUDED.last_error, accounts = EXCLUDED.accounts\
                """)
                    .bind("configId", configId.get())
                    .bind("state", health.state().name())
                    .bind("reasons", HealthRow.reasons(health))
                    .bind("numbers", HealthRow.numbers(health))
                    .bind("checkedAt", TenantConfigRow.timestamp(health.checkedAt()))
                    .bind("expiresAt", TenantConfigRow.timestamp(health.tokenExpiresAt()))
                    .bind("failedAt", TenantConfigRow.timestamp(health.failedAt()))
                    .bind("lastError", truncated(health.lastError()))
                    .bind("accounts", HealthRow.accounts(health))
                    .bind("next", TenantConfigRow.timestamp(clock.instant().plus(checkInterval)))
                    .execute();
            events.forEach(event -> Outbox.insert(handle, event));
            return true;
        }));
    }

    @Override
    public Map<HealthState, Long> counts() {
        Map<HealthState, Long> counts = new EnumMap<>(HealthState.class);
        for (HealthState state : HealthState.values()) {
            counts.put(state, 0L);
        }
        // Never checked counts as UNKNOWN: the configurations without a health row (every row has
        // its configuration). Without joining 100,000 rows: the total is the kept count.
        Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT state, count(*) AS n FROM tenant_health GROUP BY state"
                                + " UNION ALL SELECT 'UNKNOWN', (" + ConfigCounts.TOTAL + ")"
                                + " - (SELECT count(*) FROM tenant_health)")
                .map((rs, ctx) -> counts.merge(HealthState.valueOf(rs.getString("state")), rs.getLong("n"), Long::sum))
                .list()));
        return counts;
    }

    @Override
    public List<TenantHealth> needingAction(int limit) {
        String needing = Arrays.stream(HealthState.values())
                .filter(HealthState::needsAction)
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery("SELECT c.tenant_id, "
                        + HealthRow.COLUMNS + " FROM tenant_health h JOIN tenant_configs c ON c.id = h.config_id"
                        + " WHERE h.state IN (" + needing + ") ORDER BY " + SEVERITY
                        + ", h.checked_at, c.tenant_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new TenantHealth(TenantId.of(rs.getString("tenant_id")), HealthRow.read(rs)))
                .list()));
    }

    private static String truncated(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 497) + "...";
    }
}
