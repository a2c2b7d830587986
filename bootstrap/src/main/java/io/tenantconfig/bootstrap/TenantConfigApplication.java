package io.tenantconfig.bootstrap;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.migrations.MigrationsBundle;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tenantconfig.adapters.meta.MetaAdapters;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.rest.DashboardHeaders;
import io.tenantconfig.adapters.rest.RestApi;
import io.tenantconfig.adapters.rest.auth.JwtSettings;
import io.tenantconfig.adapters.rest.auth.TokenMinter;
import io.tenantconfig.adapters.rest.ratelimit.Buckets;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitFeature;
import io.tenantconfig.application.port.in.UseCases;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.service.Services;
import io.tenantconfig.bootstrap.backup.ExportCommand;
import io.tenantconfig.bootstrap.backup.ImportCommand;
import io.tenantconfig.bootstrap.credentials.CredentialsFactory;
import io.tenantconfig.bootstrap.credentials.EnvironmentFallback;
import io.tenantconfig.bootstrap.credentials.ReloadFallbackTask;
import io.tenantconfig.bootstrap.database.Database;
import io.tenantconfig.bootstrap.database.SchemaMigrations;
import io.tenantconfig.bootstrap.encryption.KeysetCommand;
import io.tenantconfig.bootstrap.encryption.SecretsCommand;
import io.tenantconfig.bootstrap.events.EventDeliverer;
import io.tenantconfig.bootstrap.events.EventsFactory;
import io.tenantconfig.bootstrap.events.RetentionRound;
import io.tenantconfig.bootstrap.health.HealthFactory;
import io.tenantconfig.bootstrap.health.HealthSweeper;
import io.tenantconfig.bootstrap.health.TimedMetaHealth;
import io.tenantconfig.bootstrap.logging.WireLogGuard;
import io.tenantconfig.bootstrap.warmup.WarmUp;
import io.tenantconfig.bootstrap.warmup.WarmUpFactory;
import io.tenantconfig.domain.health.HealthState;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookupFactory;

/**
 * The service. {@link #run} is the composition root: it wires every part, through the factories
 * of the configuration's sections and the modules' own wiring ({@code Services.wire},
 * {@code RestApi}); nothing is found by scanning.
 */
public class TenantConfigApplication extends Application<TenantConfigConfiguration> {

    /** The service's one clock: {@link #run} gives it to everything, and the commands tell time by it too. */
    private final Clock clock = Clock.systemUTC();

    public static void main(String[] args) throws Exception {
        new TenantConfigApplication().run(args);
    }

    @Override
    public String getName() {
        return "tenant-config";
    }

    @Override
    public void initialize(Bootstrap<TenantConfigConfiguration> bootstrap) {
        // Strict: a ${VARIABLE} without a default that is not set stops the start, naming it.
        StringSubstitutor variables =
                new StringSubstitutor(StringLookupFactory.INSTANCE.mapStringLookup(environment()));
        variables.setEnableUndefinedVariableException(true);
        bootstrap.setConfigurationSourceProvider(
                new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(), variables));
        bootstrap.addCommand(new TokenCommand());
        bootstrap.addCommand(new KeysetCommand());
        bootstrap.addCommand(new SecretsCommand(clock));
        bootstrap.addCommand(new ExportCommand(clock));
        bootstrap.addCommand(new ImportCommand(clock));
        // The admin dashboard: static files from adapters-rest, calling the admin API (docs/dashboard.md).
        bootstrap.addBundle(new AssetsBundle("/admin-ui", DashboardHeaders.PATH, "index.html", "admin-dashboard"));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(TenantConfigConfiguration configuration) {
                return configuration.getDatabase().dataSourceForCommands();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrations.CHANGELOG;
            }
        });
    }

    /** Set to {@code none}: the service reads no process environment (the test suites set it). */
    static final String ENVIRONMENT_PROPERTY = "tenantconfig.environment";

    /**
     * The process environment the configuration files and the fallback credentials read; none at
     * all when {@value #ENVIRONMENT_PROPERTY} is {@code none}, so that no test depends on the shell
     * it runs in: every setting a test needs, the test gives.
     */
    static Map<String, String> environment() {
        return "none".equals(System.getProperty(ENVIRONMENT_PROPERTY)) ? Map.of() : System.getenv();
    }

    /** {@code secrets} ends with 2 when some stored value does not decrypt (it reported them); any other failure with 1. */
    @Override
    protected void onFatalError(Throwable t) {
        System.exit(exitStatusOf(t));
    }

    static int exitStatusOf(Throwable t) {
        return t instanceof PartlyDone ? PartlyDone.EXIT_STATUS : 1;
    }

    @Override
    public void run(TenantConfigConfiguration configuration, Environment environment) throws Exception {
        WireLogGuard.pin();
        environment.admin().addTask(new WireLogGuard.LogLevelTask());
        CredentialsFactory credentials = configuration.getCredentials();
        HealthFactory health = configuration.getHealth();
        EventsFactory events = configuration.getEvents();
        Database database = configuration
                .getDatabase()
                .build(environment, configuration.getEncryption().keyset(), credentials.cache(), clock);
        PostgresAdapters postgres = database.adapters();
        HealthStore healthStore = postgres.healthStore(health.checkIntervalAsJava());
        EnvironmentFallback fallback = new EnvironmentFallback(Path.of(credentials.getDotenvFile()), environment());
        environment.admin().addTask(new ReloadFallbackTask(fallback));
        // Every Dropwizard metric (the service's, the JVM's, Jetty's) in Prometheus's text format too.
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
        ResolutionCounter resolutions = new ResolutionCounter();
        for (ValueSource source : ValueSource.values()) {
            environment
                    .metrics()
                    .registerGauge(
                            "tenant-config.resolutions." + source.label(),
                            () -> resolutions.snapshot().get(source));
        }

        MetricRegistry metrics = environment.metrics();
        ExecutorService checks = environment
                .lifecycle()
                .executorService("tenant-config-health-check-%d")
                .minThreads(health.getGraphCallsInFlight())
                .maxThreads(health.getGraphCallsInFlight())
                .build();
        MetaAdapters meta = configuration.getMeta().build(clock);
        UseCases useCases = Services.wire(
                new Services.Ports(
                        postgres.store(),
                        postgres.lastKnown(),
                        postgres.catalog(),
                        postgres.auditLog(),
                        meta.onboarding(),
                        fallback,
                        postgres.directory(),
                        new TimedMetaHealth(
                                meta.health(health.getGraphCallsPerSecond(), health.getGraphCallsInFlight()), metrics),
                        healthStore,
                        postgres.healthSchedule(),
                        postgres.outbox(),
                        events.sink().orElse(NO_RECEIVER),
                        postgres.webhookKeys(),
                        postgres.webhookInbox(),
                        postgres.webhookIntake()),
                new Services.Settings(
                        configuration.getMeta().policy(),
                        configuration.getPhoneNumbersPerTenant(),
                        health.policy(),
                        health.sweep(),
                        events.policy()),
                checks,
                resolutions,
                new SecureRandom(),
                clock);
        // One query every 30 seconds at most, whichever of the gauges is read.
        CachedGauge<Map<HealthState, Long>> healthCounts = new CachedGauge<>(30, TimeUnit.SECONDS) {
            @Override
            protected Map<HealthState, Long> loadValue() {
                return healthCounts(healthStore);
            }
        };
        for (HealthState state : HealthState.values()) {
            metrics.registerGauge(
                    "tenant-config.health.tenants." + state.name().toLowerCase(Locale.ROOT),
                    () -> healthCounts.getValue().getOrDefault(state, 0L));
        }
        if (events.sink().isPresent()) {
            environment
                    .lifecycle()
                    .manage(new EventDeliverer(
                            useCases.deliverEvents(),
                            events.getDeliveriesInFlight(),
                            events.deliverEveryAsJava(),
                            metrics));
        }
        // What waits for the receiver: one query every 10 seconds at most, whichever gauge is read.
        CachedGauge<EventOutbox.Backlog> backlog = new CachedGauge<>(10, TimeUnit.SECONDS) {
            @Override
            protected EventOutbox.Backlog loadValue() {
                return backlog(postgres.outbox());
            }
        };
        metrics.registerGauge(
                "tenant-config.events.pending", () -> backlog.getValue().pending());
        metrics.registerGauge(
                "tenant-config.events.oldest-pending-seconds",
                () -> backlog.getValue()
                        .oldestOccurredAt()
                        .map(at ->
                                java.time.Duration.between(at, clock.instant()).toSeconds())
                        .orElse(0L));
        environment
                .lifecycle()
                .manage(new PeriodicTask(
                        "tenant-config-retention",
                        configuration.getRetention().everyAsJava(),
                        new RetentionRound(
                                postgres.retention(configuration.getRetention().ages(), RETENTION_BATCHES_PER_ROUND),
                                clock,
                                metrics)));
        if (health.isSweepEnabled()) {
            environment
                    .lifecycle()
                    .manage(new PeriodicTask(
                            "tenant-config-health-sweep",
                            health.pollEveryAsJava(),
                            new HealthSweeper(
                                    useCases.sweepHealth(),
                                    instanceName(),
                                    metrics.meter("tenant-config.health.checks"),
                                    metrics.meter("tenant-config.health.failures"))));
        }

        // Our error mappers answer every error in one JSON format; Dropwizard's would answer some in another.
        ((AbstractServerFactory) configuration.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        configuration.getRequestBodies().install(environment);
        JerseyEnvironment jersey = environment.jersey();
        RestApi.configure(environment.getObjectMapper());
        configuration.getAuth().register(jersey, environment.metrics(), clock);
        WarmUpFactory warmUp = configuration.getWarmUp();
        java.time.Duration warmUpFor = warmUp.getDuration().toJavaDuration();
        WarmUp warming = new WarmUp(warmUpFor, warmUp.getClients(), warmUpToken(configuration, warmUpFor, clock));
        environment.healthChecks().register("warm-up", warming);
        environment.lifecycle().addServerLifecycleListener(warming);
        jersey.register(new RateLimitFeature(
                Buckets.shared(database.rateLimitBuckets()),
                Buckets.inMemory(RateLimitFeature.time(clock)),
                configuration.getRateLimits().policies()));
        RestApi.register(jersey, configuration.getCorsAllowedOrigins(), version(), RestApi.resources(useCases));
        environment
                .servlets()
                .addFilter("admin-dashboard-headers", new DashboardHeaders())
                .addMappingForUrlPatterns(
                        EnumSet.of(DispatcherType.REQUEST), false, DashboardHeaders.PATH, DashboardHeaders.PATH + "/*");
    }

    /**
     * A token for the warm-up's requests, of a tenant nobody has, when the service can sign one
     * (an HMAC secret is configured); valid a minute past the warm-up.
     */
    private static Optional<String> warmUpToken(
            TenantConfigConfiguration configuration, java.time.Duration warmUpFor, Clock clock) {
        JwtSettings settings = configuration.getAuth().settings();
        if (warmUpFor.isZero() || settings.hmacKey() == null) {
            return Optional.empty();
        }
        return Optional.of(new TokenMinter(settings, clock)
                .mint("tenant-config-warm-up", "tenant-config-warm-up", List.of(), warmUpFor.plusMinutes(1)));
    }

    /** How many batches of a thousand rows of each kind one retention round deletes at most. */
    private static final int RETENTION_BATCHES_PER_ROUND = 100;

    /** Without a receiver, events are only stored: nothing delivers them, so nothing calls this. */
    private static final EventSink NO_RECEIVER = events -> {
        throw new EventSink.DeliveryFailedException("no receiver is configured (EVENTS_WEBHOOK_URL)");
    };

    /** The events waiting for the receiver; none while the database cannot say. */
    private static EventOutbox.Backlog backlog(EventOutbox outbox) {
        try {
            return outbox.backlog();
        } catch (RuntimeException e) {
            return new EventOutbox.Backlog(0, Optional.empty());
        }
    }

    /** Tenants per health state now; none while the database cannot say. */
    private static Map<HealthState, Long> healthCounts(HealthStore healthStore) {
        try {
            return healthStore.counts();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Who holds a sweep lease: this host and a random suffix, unique per process. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    private static String version() {
        String version = TenantConfigApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
