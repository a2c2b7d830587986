package io.tenantconfig.adapters.persistence.benchmark;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.TestKeys;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.service.ConfigurationFeature;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = database.pooledJdbi();
        PostgresAdapters direct = PostgresAdapters.direct(jdbi, TestKeys.KEYSET, Clock.systemUTC());
        // With its secrets: an uncached read decrypts them.
        direct.store()
                .inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        PostgresAdapters serving = PostgresAdapters.serving(
                jdbi,
                TestKeys.KEYSET,
                Clock.systemUTC(),
                new PostgresAdapters.CacheSettings(
                        10_000, 10_000, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(15)),
                () -> database.newConnection("config-loader-benchmark"));
        serving.start(); // memory is trusted once changes are heard
        cached = loader(serving);
        uncached = loader(direct);
        cached.resolve(TENANT);
    }

    private static ConfigLoader loader(PostgresAdapters database) {
        return new ConfigurationFeature(
                        database.store(),
                        database.lastKnown(),
                        database.auditLog(),
                        v -> Optional.ofNullable(ENVIRONMENT.get(v)),
                        database.directory(),
                        new ResolutionCounter(),
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
