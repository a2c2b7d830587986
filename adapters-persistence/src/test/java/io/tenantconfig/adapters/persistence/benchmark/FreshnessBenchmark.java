package io.tenantconfig.adapters.persistence.benchmark;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.TestKeys;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * How soon a number added on one instance is owned on another: two instances (store, cache,
 * number index, listener) on one PostgreSQL; one adds a number 200 times, the other is asked
 * until it answers. Prints the median, p99 and worst time from commit to answer.
 *
 * <p>Run: {@code bench/freshness.sh}
 */
public final class FreshnessBenchmark {

    private static final int CHANGES = Integer.getInteger("freshness.changes", 200);

    private FreshnessBenchmark() {}

    /** One instance's database adapters, as the service builds them, listening. */
    private static PostgresAdapters instance(TestDatabase database, Jdbi jdbi, String name) {
        PostgresAdapters adapters = PostgresAdapters.serving(
                jdbi,
                TestKeys.KEYSET,
                Clock.systemUTC(),
                new PostgresAdapters.CacheSettings(
                        1_000, 1_000, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofMinutes(15)),
                () -> database.newConnection(name));
        adapters.start();
        return adapters;
    }

    public static void main(String[] args) throws Exception {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = database.pooledJdbi();
        PostgresAdapters here = instance(database, jdbi, "freshness-here");
        PostgresAdapters there = instance(database, jdbi, "freshness-there");
        TenantId acme = TenantId.of("acme");
        here.store()
                .inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));

        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            MetaId number = MetaId.parse(String.valueOf(900_000 + i));
            here.store().inTransaction(tx -> {
                TenantConfig locked = tx.lock(acme).orElseThrow();
                return tx.save(TestConfigs.from(locked)
                        .phoneNumbers(new PhoneNumbers(
                                List.of(
                                        locked.phoneNumbers().all().get(0),
                                        PhoneNumber.added(
                                                number, locked.account().wabaId(), null, null)),
                                locked.phoneNumbers().defaultId()))
                        .build());
            });
            long committed = System.nanoTime();
            while (there.directory().ownerOfNumber(number).isEmpty()) {
                Thread.onSpinWait();
            }
            millis.add((System.nanoTime() - committed) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(
                "A number added on one instance is owned on the other after: median %.1f ms, p99 %.1f ms, worst %.1f ms"
                        + " (%d changes)%n",
                millis.get(CHANGES / 2), millis.get(CHANGES * 99 / 100), millis.get(CHANGES - 1), CHANGES);
        here.stop();
        there.stop();
        System.exit(0);
    }
}
