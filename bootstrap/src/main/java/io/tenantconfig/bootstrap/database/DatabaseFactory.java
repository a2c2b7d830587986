package io.tenantconfig.bootstrap.database;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.bootstrap.PeriodicTask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code database} section: where the configurations are stored. With a {@code url}, an
 * existing PostgreSQL (14 or newer); with an {@code embedded} section and no URL, an embedded
 * PostgreSQL (development). Neither is refused at start.
 */
public class DatabaseFactory {

    private static final int IDLE_BUCKETS_PER_BATCH = 1000;

    @Pattern(
            regexp = "jdbc:postgresql:.+",
            message = "must be a JDBC URL such as jdbc:postgresql://db.example:5432/tenant_config (DATABASE_URL)")
    private String url;

    private String user;
    private String password;

    /** Development only: set in dev.yml, never in config.yml, so a missing URL is an error there. */
    @Valid
    private EmbeddedPostgresFactory embedded;

    private boolean migrateOnStart;

    @Min(0)
    private int minSize = 2;

    @Min(1)
    @Max(200)
    private int maxSize = 16;

    @NotNull
    private Duration maxWaitForConnection = Duration.seconds(5);

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url == null || url.isBlank() ? null : url;
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public EmbeddedPostgresFactory getEmbedded() {
        return embedded;
    }

    @JsonProperty
    public void setEmbedded(EmbeddedPostgresFactory embedded) {
        this.embedded = embedded;
    }

    /** Apply migrations.xml when the server starts (development); production runs {@code db migrate}. */
    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public int getMinSize() {
        return minSize;
    }

    @JsonProperty
    public void setMinSize(int minSize) {
        this.minSize = minSize;
    }

    @JsonProperty
    public int getMaxSize() {
        return maxSize;
    }

    @JsonProperty
    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    @JsonProperty
    public Duration getMaxWaitForConnection() {
        return maxWaitForConnection;
    }

    @JsonProperty
    public void setMaxWaitForConnection(Duration maxWaitForConnection) {
        this.maxWaitForConnection = maxWaitForConnection;
    }

    public boolean isEmbedded() {
        return url == null && embedded != null;
    }

    @ValidationMethod(message = "needs a url (DATABASE_URL), or an embedded section for development")
    @JsonIgnore
    public boolean isUrlOrEmbedded() {
        return url != null || embedded != null;
    }

    /**
     * Assembles the database side of the service: starts the embedded PostgreSQL when configured
     * (stopped with the server), applies the migrations or checks that they were applied, builds
     * the pool and JDBI (with the {@code database} health check), the rate limits' shared buckets,
     * and the application's ports on them ({@link PostgresAdapters}), started and stopped with the
     * server, with the change listener's health check and the adapters' gauges.
     *
     * @param keyset the Tink keyset secrets are encrypted with at rest
     */
    public Database build(Environment environment, String keyset, PostgresAdapters.CacheSettings cache, Clock clock)
            throws Exception {
        DataSourceFactory dataSource = dataSource(environment.lifecycle()::manage);
        if (migrateOnStart) {
            SchemaMigrations.migrate(dataSource);
        } else {
            SchemaMigrations.requireApplied(dataSource);
        }
        ManagedDataSource pool = dataSource.build(environment.metrics(), "database");
        Jdbi jdbi =
                new JdbiFactory().build(environment, dataSource, pool, "database"); // also starts and stops the pool
        PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets =
                rateLimitBuckets(AutoCommitRestoring.around(pool));
        environment
                .lifecycle()
                .manage(new PeriodicTask(
                        "tenant-config-rate-limit-cleanup",
                        java.time.Duration.ofMinutes(1),
                        () -> removeIdleBuckets(rateLimitBuckets)));

        PostgresAdapters adapters =
                PostgresAdapters.serving(jdbi, keyset, clock, cache, () -> listenerConnection(dataSource));
        environment.lifecycle().manage(new ManagedAdapters(adapters));
        environment.healthChecks().register("change-listener", new NotificationListenerCheck(adapters::isListening));
        MetricRegistry metrics = environment.metrics();
        adapters.gauges().forEach((name, gauge) -> metrics.registerGauge("tenant-config." + name, gauge::get));
        return new Database(adapters, rateLimitBuckets);
    }

    /**
     * The rate limits' buckets, one row per caller and policy, shared by every instance. A row
     * expires 10 seconds after its bucket would be full again (nobody's limit depends on it then).
     */
    public static PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource pool) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        java.time.Duration.ofSeconds(10)))
                .build();
    }

    /** Deletes the rows of buckets that are full again, a thousand at a time, until none is left. */
    public static int removeIdleBuckets(ExpiredEntriesCleaner buckets) {
        int removed = 0;
        for (int batch; (batch = buckets.removeExpired(IDLE_BUCKETS_PER_BATCH)) > 0; ) {
            removed += batch;
            if (batch < IDLE_BUCKETS_PER_BATCH) {
                break;
            }
        }
        return removed;
    }

    /**
     * The pool settings for the {@code db} and {@code secrets} commands, which run without a
     * server: with an embedded section this starts the embedded PostgreSQL first (its shutdown
     * hook stops it when the command ends).
     */
    public DataSourceFactory dataSourceForCommands() {
        return dataSource(database -> {});
    }

    /** The pool settings for the configured database, after starting the embedded one (handed to {@code started}). */
    private DataSourceFactory dataSource(Consumer<EmbeddedDatabase> started) {
        if (isEmbedded()) {
            EmbeddedDatabase database = embedded.start();
            started.accept(database);
            return pool(database.jdbcUrl(), database.user(), null);
        }
        return pool(url, user, password);
    }

    private DataSourceFactory pool(String jdbcUrl, String poolUser, String poolPassword) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(jdbcUrl);
        factory.setUser(poolUser);
        factory.setPassword(poolPassword);
        factory.setMinSize(Math.min(minSize, maxSize));
        factory.setInitialSize(Math.min(minSize, maxSize));
        factory.setMaxSize(maxSize);
        factory.setMaxWaitForConnection(maxWaitForConnection);
        factory.setValidationQuery("/* tenant-config health check */ SELECT 1");
        factory.setCheckConnectionOnBorrow(true);
        // The server's error detail can quote a whole row, secrets included: keep it out of
        // exception messages and therefore out of logs.
        factory.setProperties(Map.of("logServerErrorDetail", "false", "ApplicationName", "tenant-config"));
        return factory;
    }

    /** A connection of the change listener's own, outside the pool, named so operators can tell it apart. */
    private static Connection listenerConnection(DataSourceFactory dataSource) throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUser() != null) {
            properties.setProperty("user", dataSource.getUser());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", "tenant-config-listener");
        properties.setProperty("tcpKeepAlive", "true");
        // With the listener's periodic check, a connection that died silently is noticed within seconds.
        properties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(dataSource.getUrl(), properties);
    }
}
