package io.tenantconfig.adapters.persistence.benchmark;

import io.tenantconfig.adapters.persistence.CachingConfigStore;
import io.tenantconfig.adapters.persistence.JdbiConfigStore;
import io.tenantconfig.adapters.persistence.JdbiNumberDirectory;
import io.tenantconfig.adapters.persistence.NumberIndex;
import io.tenantconfig.adapters.persistence.testing.PostgresPorts;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.persistence.testing.TestKeys;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.service.Services;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "Whose is this number / account?" through the ConfigLoader, as a webhook receiver asks it, with
 * 10,000 tenants of three numbers each in the index: a number someone owns, one nobody owns (a
 * webhook for a number not on the platform), an account; and the credentials of one named number
 * from the cache. Sample mode, so the report shows the median (p0.50) and the tail.
 *
 * <p>Run: {@code mvn -B -Pbenchmark -pl adapters-persistence -am verify -DskipTests}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NumberOwnerBenchmark {

    private static final int TENANTS = 10_000;
    private static final TenantId ACME = TenantId.of("acme");

    private final MetaId[] knownNumbers = new MetaId[TENANTS * 3];
    private final MetaId[] unknownNumbers = new MetaId[1024];
    private final MetaId[] accounts = new MetaId[TENANTS];
    private MetaId acmeNumber;
    private ConfigLoader loader;
    private int next;

    @Setup
    public void setUp() {
        Jdbi jdbi = TestDatabase.migrated().pooledJdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO tenant_configs (tenant_id, waba_id)"
                    + " SELECT 'tenant-' || g, (2000000 + g)::text FROM generate_series(1, " + TENANTS + ") g");
            h.execute("INSERT INTO tenant_phone_numbers (config_id, phone_number_id, is_default)"
                    + " SELECT c.id, (3000000 + c.id * 10 + k)::text, k = 0"
                    + " FROM tenant_configs c, generate_series(0, 2) k ORDER BY c.id, k");
        });
        for (int t = 1; t <= TENANTS; t++) {
            accounts[t - 1] = MetaId.parse(String.valueOf(2_000_000 + t));
            for (int k = 0; k < 3; k++) {
                knownNumbers[(t - 1) * 3 + k] = MetaId.parse(String.valueOf(3_000_000 + t * 10 + k));
            }
        }
        for (int i = 0; i < unknownNumbers.length; i++) {
            unknownNumbers[i] = MetaId.parse(String.valueOf(900_000_000L + i));
        }

        JdbiConfigStore database = new JdbiConfigStore(jdbi, TestKeys.cipher());
        database.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        acmeNumber = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
        CachingConfigStore cache = new CachingConfigStore(
                database, 10_000, Duration.ofMinutes(5), Duration.ofMinutes(15), Clock.systemUTC());
        NumberIndex index = new NumberIndex(new JdbiNumberDirectory(jdbi));
        cache.alsoAfterCommit(index);
        cache.announcementsRestored();
        index.announcementsRestored();
        if (index.size() != TENANTS + 1) {
            throw new IllegalStateException("the index holds " + index.size() + " tenants");
        }
        loader = Services.wire(
                        PostgresPorts.over(
                                jdbi,
                                cache,
                                database,
                                variable -> Optional.empty(),
                                index,
                                new ScriptedMetaHealth(),
                                Clock.systemUTC(),
                                Duration.ofHours(6)),
                        Services.Settings.DEFAULT,
                        Runnable::run,
                        new ResolutionCounter(),
                        new SplittableRandom(1),
                        Clock.systemUTC())
                .configLoader();
        loader.resolve(ACME, acmeNumber).orElseThrow();
    }

    private int next(int length) {
        next = next + 1 == length ? 0 : next + 1;
        return next;
    }

    @Benchmark
    public Optional<NumberOwner> ownerOfAKnownNumber() {
        return loader.ownerOfNumber(knownNumbers[next(knownNumbers.length)]);
    }

    @Benchmark
    public Optional<NumberOwner> ownerOfAnUnknownNumber() {
        return loader.ownerOfNumber(unknownNumbers[next(unknownNumbers.length)]);
    }

    @Benchmark
    public Optional<NumberOwner> ownerOfAnAccount() {
        return loader.ownerOfAccount(accounts[next(accounts.length)]);
    }

    @Benchmark
    public Optional<ResolvedCredentials> resolveANamedNumber() {
        return loader.resolve(ACME, acmeNumber);
    }
}
