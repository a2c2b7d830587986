package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.application.service.HealthFeature;
import io.tenantconfig.application.service.HealthPolicy;
import io.tenantconfig.application.service.SweepPolicy;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances sweeping 1,000 tenants on one PostgreSQL, side by side, while a third leases a
 * batch and dies: over one interval every tenant is checked exactly once.
 */
class HealthSweepOnPostgresTest {

    private static final int TENANTS = 1_000;
    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final Duration STEP = Duration.ofMinutes(10);

    private final Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final ExecutorService instances = Executors.newFixedThreadPool(2);
    private final ExecutorService checks = Executors.newFixedThreadPool(8);
    private final Map<String, AtomicInteger> inspectedTokens = new ConcurrentHashMap<>();

    /** Meta as the scripted fake answers, counting each token it is asked about. */
    private final class CountingMeta implements MetaHealth {
        private final ScriptedMetaHealth meta = new ScriptedMetaHealth();

        @Override
        public TokenFacts inspect(Secret token, AppCredentials tenantApp) {
            inspectedTokens
                    .computeIfAbsent(token.reveal(), t -> new AtomicInteger())
                    .incrementAndGet();
            return meta.inspect(token, tenantApp);
        }

        @Override
        public NumberFacts phoneNumber(MetaId phoneNumberId, Secret token) {
            return meta.phoneNumber(phoneNumberId, token);
        }

        @Override
        public Set<MetaId> accountNumbers(MetaId wabaId, Secret token) {
            return meta.accountNumbers(wabaId, token);
        }

        @Override
        public AccessGrant extend(Secret token, AppCredentials tenantApp) {
            return meta.extend(token, tenantApp);
        }

        @Override
        public MetaId platformApp() {
            return meta.platformApp();
        }
    }

    private HealthFeature instance(MetaHealth meta) {
        JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());
        return new HealthFeature(
                store,
                new JdbiHealthStore(jdbi, clock, INTERVAL),
                new JdbiHealthSchedule(jdbi),
                meta,
                new JdbiNumberCapacities(jdbi, tenantId -> {}),
                new JdbiNumberDirectory(jdbi),
                HealthPolicy.DEFAULT,
                new SweepPolicy(INTERVAL, 0.1, Duration.ofMinutes(5), 60),
                checks,
                new SplittableRandom(3),
                clock);
    }

    @AfterEach
    void stop() {
        instances.shutdownNow();
        checks.shutdownNow();
    }

    @Test
    void two_instances_check_every_one_of_a_thousand_tenants_exactly_once_per_interval() throws Exception {
        // Tokens in clear, as the earlier version stored them: read as they are, and fast to seed.
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO tenant_configs (tenant_id) SELECT 'tenant-' || g FROM generate_series(1, " + TENANTS
                    + ") g");
            h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id, access_token)"
                    + " SELECT id, (5000000 + split_part(tenant_id, '-', 2)::int)::text,"
                    + " 'EAAG-sweep-token-' || split_part(tenant_id, '-', 2) FROM tenant_configs");
            h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                    + " SELECT config_id, id, (7000000 + config_id)::text, true FROM whatsapp_accounts");
        });
        MetaHealth meta = new CountingMeta();
        HealthFeature first = instance(meta);
        HealthFeature second = instance(meta);
        JdbiHealthSchedule schedule = new JdbiHealthSchedule(jdbi);

        int leasedByTheDead = 0;
        // Rounds every ten minutes, from the start to one interval later, both ends included.
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(INTERVAL) <= 0; elapsed = elapsed.plus(STEP)) {
            Future<?> a = instances.submit(() -> first.sweepHealth().sweepOnce("instance-a"));
            Future<?> b = instances.submit(() -> second.sweepHealth().sweepOnce("instance-b"));
            a.get();
            b.get();
            if (elapsed.isZero()) {
                // A third instance leases what is due next and dies before checking any of it.
                clock.advance(STEP.dividedBy(2));
                leasedByTheDead = schedule.claimDue("instance-dead", clock.instant(), Duration.ofMinutes(5), 40)
                        .size();
                clock.advance(STEP.dividedBy(2).negated());
            }
            clock.advance(STEP);
        }

        assertThat(leasedByTheDead).isPositive();
        assertThat(inspectedTokens).hasSize(TENANTS);
        assertThat(inspectedTokens.values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        List<Long> leftLeased =
                jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_health WHERE lease_owner IS NOT NULL")
                        .mapTo(Long.class)
                        .list());
        assertThat(leftLeased).containsExactly(0L);
    }
}
