package io.tenantconfig.adapters.persistence.benchmark;

import io.tenantconfig.adapters.persistence.CachingConfigStore;
import io.tenantconfig.adapters.persistence.JdbiConfigStore;
import io.tenantconfig.adapters.persistence.JdbiNumberDirectory;
import io.tenantconfig.adapters.persistence.testing.PostgresPorts;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.persistence.testing.TestKeys;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.service.Services;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
 * How long the ConfigLoader takes to resolve every credential of a tenant: from memory (the
 * cache in front of PostgreSQL, as the service runs) and from the database each time through a
 * connection pool (as the earlier version did, one query per lookup). Sample mode, so the report
 * shows the median (p0.50) and the tail.
 *
 * <p>Run: {@code mvn -B -Pbenchmark -pl adapters-persistence -am verify -DskipTests}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConfigLoaderBenchmark {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Map<String, String> ENVIRONMENT =
            Map.of("WHATSAPP_TOKEN", "EAAG-platform-token", "FB_APP_SECRET", "platform-secret");

    private ConfigLoader cached;
    private ConfigLoader uncached;

    @Setup
    public void setUp() {
        Jdbi jdbi = TestDatabase.migrated().pooledJdbi();
        JdbiConfigStore database = new JdbiConfigStore(jdbi, TestKeys.cipher());
        // With its secrets: an uncached read decrypts them.
        database.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        CachingConfigStore cache = new CachingConfigStore(
                database, 10_000, Duration.ofMinutes(5), Duration.ofMinutes(15), Clock.systemUTC());
        cache.announcementsRestored();
        cached = loader(cache, database, jdbi);
        uncached = loader(database, database, jdbi);
        cached.resolve(TENANT);
    }

    private static ConfigLoader loader(ConfigStore store, JdbiConfigStore catalog, Jdbi jdbi) {
        return Services.wire(
                        PostgresPorts.over(
                                jdbi,
                                store,
                                catalog,
                                v -> Optional.ofNullable(ENVIRONMENT.get(v)),
                                new JdbiNumberDirectory(jdbi),
                                new ScriptedMetaHealth(),
                                Clock.systemUTC(),
                                Duration.ofHours(6)),
                        Services.Settings.DEFAULT,
                        Runnable::run,
                        new ResolutionCounter(),
                        new SplittableRandom(1),
                        Clock.systemUTC())
                .configLoader();
    }

    @Benchmark
    public ResolvedCredentials cachedResolution() {
        return cached.resolve(TENANT);
    }

    @Benchmark
    public ResolvedCredentials uncachedResolution() {
        return uncached.resolve(TENANT);
    }
}
