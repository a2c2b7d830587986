package io.tenantconfig.bootstrap;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tenantconfig.adapters.rest.RestApi;
import io.tenantconfig.application.service.CoexistenceFeature;
import io.tenantconfig.application.service.ConfigurationFeature;
import io.tenantconfig.application.service.HealthFeature;
import io.tenantconfig.application.service.WebhookFeature;
import io.tenantconfig.bootstrap.backup.ExportCommand;
import io.tenantconfig.bootstrap.backup.ImportCommand;
import io.tenantconfig.bootstrap.credentials.EnvironmentFallback;
import io.tenantconfig.bootstrap.credentials.ReloadFallbackTask;
import io.tenantconfig.bootstrap.database.Database;
import io.tenantconfig.bootstrap.database.SchemaMigrations;
import io.tenantconfig.bootstrap.encryption.KeysetCommand;
import io.tenantconfig.bootstrap.encryption.SecretsCommand;
import io.tenantconfig.bootstrap.logging.WireLogGuard;
import io.tenantconfig.bootstrap.warmup.WarmUp;
import io.tenantconfig.bootstrap.warmup.WarmUpFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookupFactory;

/**
 * The service. {@link #run} is the composition root: the adapters every feature is built on
 * (each adapter module's one entry point, from the configuration's sections), then the features,
 * each whole ({@link Features}), then the HTTP API in front of them; nothing is found by scanning.
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
        bootstrap.addCommand(new TokenCommand(clock));
        bootstrap.addCommand(new KeysetCommand());
        bootstrap.addCommand(new SecretsCommand(clock));
        bootstrap.addCommand(new ExportCommand(clock));
        bootstrap.addCommand(new ImportCommand(clock));
        // The admin dashboard: static files from adapters-rest, calling the admin API (docs/dashboard.md).
        bootstrap.addBundle(new AssetsBundle("/admin-ui", RestApi.DASHBOARD_PATH, "index.html", "admin-dashboard"));
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
        exposeToPrometheus(environment);

        // What the features are built on: the database, Meta, the fallback credentials, the HTTP API.
        Database database = configuration
                .getDatabase()
                .build(
                        environment,
                        configuration.getEncryption().keyset(),
                        configuration.getCredentials().cache(),
                        clock);
        EnvironmentFallback fallback =
                new EnvironmentFallback(Path.of(configuration.getCredentials().getDotenvFile()), environment());
        environment.admin().addTask(new ReloadFallbackTask(fallback));
        RestApi api = new RestApi(configuration.getCorsAllowedOrigins(), version());
        Features features = new Features(
                configuration,
                environment,
                database.adapters(),
                configuration.getMeta().build(clock),
                fallback,
                api,
                clock);

        ConfigurationFeature configs = features.configuration();
        CoexistenceFeature coexistence = features.coexistence();
        features.phoneNumbers(configs, coexistence);
        features.templateManagement();
        features.businessProfiles();
        features.onboarding();
        HealthFeature health = features.health(configs);
        features.accounts(configs, health);
        features.templates();
        features.events();
        WebhookFeature webhooks = features.webhooks();
        features.admin(configs, health, webhooks, coexistence);

        serve(api, configuration, environment, database);
    }

    /** Every Dropwizard metric (the service's, the JVM's, Jetty's) in Prometheus's text format too. */
    private static void exposeToPrometheus(Environment environment) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
    }

    /**
     * The HTTP API in front of the features: request bodies read before a thread takes them, the
     * API's JSON, authentication, the warm-up, the rate limits (shared through the database), and
     * the resources the features gave it.
     */
    private void serve(
            RestApi api, TenantConfigConfiguration configuration, Environment environment, Database database) {
        // Our error mappers answer every error in one JSON format; Dropwizard's would answer some in another.
        ((AbstractServerFactory) configuration.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        configuration.getRequestBodies().install(environment);
        RestApi.configure(environment.getObjectMapper());
        configuration.getAuth().register(environment.jersey(), environment.metrics(), clock);
        WarmUpFactory warmUp = configuration.getWarmUp();
        Duration warmUpFor = warmUp.getDuration().toJavaDuration();
        WarmUp warming = new WarmUp(warmUpFor, warmUp.getClients(), warmUpToken(configuration, warmUpFor));
        environment.healthChecks().register("warm-up", warming);
        environment.lifecycle().addServerLifecycleListener(warming);
        configuration.getRateLimits().register(environment.jersey(), database.rateLimitBuckets(), clock);
        api.register(environment.jersey());
    }

    /**
     * A token for the warm-up's requests, of a tenant nobody has, when the service can sign one
     * (an HMAC secret is configured); valid a minute past the warm-up.
     */
    private Optional<String> warmUpToken(TenantConfigConfiguration configuration, Duration warmUpFor) {
        if (warmUpFor.isZero() || !configuration.getAuth().canMint()) {
            return Optional.empty();
        }
        return Optional.of(configuration
                .getAuth()
                .mint(clock, "tenant-config-warm-up", "tenant-config-warm-up", List.of(), warmUpFor.plusMinutes(1)));
    }

    private static String version() {
        String version = TenantConfigApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
