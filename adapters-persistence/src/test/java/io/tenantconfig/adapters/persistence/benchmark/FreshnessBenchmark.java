package io.tenantconfig.adapters.persistence.benchmark;

import io.tenantconfig.adapters.persistence.CachingConfigStore;
import io.tenantconfig.adapters.persistence.ConfigChangeListener;
import io.tenantconfig.adapters.persistence.ConfigChangeSubscriber;
import io.tenantconfig.adapters.persistence.JdbiConfigStore;
import io.tenantconfig.adapters.persistence.JdbiNumberDirectory;
import io.tenantconfig.adapters.persistence.NumberIndex;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.persistence.testing.TestKeys;
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

    /** One instance. */
    private record Instance(CachingConfigStore cache, NumberIndex index, ConfigChangeListener listener) {

        static Instance start(TestDatabase database, Jdbi jdbi, String name) {
            CachingConfigStore cache = new CachingConfigStore(
                    new JdbiConfigStore(jdbi, TestKeys.cipher()),
                    1_000,
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15),
                    Clock.systemUTC());
            NumberIndex index = new NumberIndex(new JdbiNumberDirectory(jdbi));
            cache.alsoAfterCommit(index);
            ConfigChangeListener listener = new ConfigChangeListener(
                    () -> database.newConnection(name),
                    ConfigChangeSubscriber.all(cache, index),
                    Duration.ofMillis(100));
            listener.start();
            return new Instance(cache, index, listener);
        }
    }

    public static void main(String[] args) throws Exception {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = database.pooledJdbi();
        Instance here = Instance.start(database, jdbi, "freshness-here");
        Instance there = Instance.start(database, jdbi, "freshness-there");
        TenantId acme = TenantId.of("acme");
        here.cache()
                .inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));

        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            MetaId number = MetaId.parse(String.valueOf(900_000 + i));
            here.cache().inTransaction(tx -> {
                TenantConfig locked = tx.lock(acme).orElseThrow();
                return tx.save(TestConfigs.from(locked)
                        .phoneNumbers(new PhoneNumbers(
                                List.of(locked.phoneNumbers().all().get(0), PhoneNumber.added(number, null, null)),
                                locked.phoneNumbers().defaultId()))
                        .build());
            });
            long committed = System.nanoTime();
            while (there.index().ownerOfNumber(number).isEmpty()) {
                Thread.onSpinWait();
            }
            millis.add((System.nanoTime() - committed) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(
                "A number added on one instance is owned on the other after: median %.1f ms, p99 %.1f ms, worst %.1f ms"
                        + " (%d changes)%n",
                millis.get(CHANGES / 2), millis.get(CHANGES * 99 / 100), millis.get(CHANGES - 1), CHANGES);
        here.listener().stop();
        there.listener().stop();
        System.exit(0);
    }
}
