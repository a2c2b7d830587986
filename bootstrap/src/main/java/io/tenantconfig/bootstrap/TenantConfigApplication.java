package io.tenantconfig.bootstrap;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.migrations.MigrationsBundle;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.tenantconfig.adapters.persistence.CachingTenantConfigRepository;
import io.tenantconfig.adapters.persistence.ConfigChangeListener;
import io.tenantconfig.adapters.persistence.JdbiAuditTrail;
import io.tenantconfig.adapters.persistence.JdbiTenantConfigRepository;
import io.tenantconfig.adapters.rest.AdminResource;
import io.tenantconfig.adapters.rest.AuthResource;
import io.tenantconfig.adapters.rest.OnboardingResource;
import io.tenantconfig.adapters.rest.RestApi;
import io.tenantconfig.adapters.rest.TenantConfigResource;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitFeature;
import io.tenantconfig.application.service.ConfigLoaderService;
import io.tenantconfig.application.service.DeleteAllTenantConfigsService;
import io.tenantconfig.application.service.ManageTenantConfigService;
import io.tenantconfig.application.service.OnboardingService;
import io.tenantconfig.application.service.ReadTenantConfigService;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.usecase.ValueSource;
import io.tenantconfig.bootstrap.credentials.CredentialsFactory;
import io.tenantconfig.bootstrap.credentials.EnvironmentFallback;
import io.tenantconfig.bootstrap.credentials.ReloadFallbackTask;
import io.tenantconfig.bootstrap.database.SchemaMigrations;
import io.tenantconfig.bootstrap.encryption.KeysetCommand;
import io.tenantconfig.bootstrap.encryption.SecretsCommand;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;

/**
 * The service. {@link #run} is the composition root: every object is made here with {@code new},
 * nothing is found by scanning.
 */
public class TenantConfigApplication extends Application<TenantConfigConfiguration> {

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
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        bootstrap.addCommand(new TokenCommand());
        bootstrap.addCommand(new KeysetCommand());
        bootstrap.addCommand(new SecretsCommand());
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(TenantConfigConfiguration configuration) {
                return configuration.getDatabase().dataSourceFactory();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrations.CHANGELOG;
            }
        });
    }

    @Override
    public void run(TenantConfigConfiguration configuration, Environment environment) throws Exception {
        DataSourceFactory dataSource = configuration.getDatabase().dataSourceFactory();
        environment.lifecycle().manage(configuration.getDatabase().embeddedLifecycle());
        if (configuration.getDatabase().isMigrateOnStart()) {
            SchemaMigrations.migrate(dataSource);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, dataSource, "database");
        Clock clock = Clock.systemUTC();

        CredentialsFactory credentials = configuration.getCredentials();
        CachingTenantConfigRepository repository = new CachingTenantConfigRepository(
                new JdbiTenantConfigRepository(jdbi, configuration.getEncryption().cipher()), credentials.getCacheMaximumSize(),
                Duration.ofMillis(credentials.getCacheExpireAfterWrite().toMilliseconds()));
        ConfigChangeListener listener = new ConfigChangeListener(() -> listenerConnection(dataSource), repository,
                Duration.ofMillis(credentials.getListenerReconnectDelay().toMilliseconds()));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                listener.start();
            }

            @Override
            public void stop() throws InterruptedException {
                listener.stop();
            }
        });
        EnvironmentFallback fallback = new EnvironmentFallback(Path.of(credentials.getDotenvFile()), System.getenv());
        environment.admin().addTask(new ReloadFallbackTask(fallback));
        ResolutionCounter resolutions = new ResolutionCounter();
        registerMetrics(environment.metrics(), repository, listener, resolutions);

        JdbiAuditTrail auditTrail = new JdbiAuditTrail(jdbi);
        ConfigLoaderService loader = new ConfigLoaderService(repository, fallback, resolutions, auditTrail);
        ManageTenantConfigService manage = new ManageTenantConfigService(repository, clock);
        ReadTenantConfigService read = new ReadTenantConfigService(repository, auditTrail, resolutions);
        DeleteAllTenantConfigsService deleteAll = new DeleteAllTenantConfigsService(repository);
        OnboardingService onboarding = new OnboardingService(repository,
                configuration.getMeta().build(environment.getObjectMapper(), clock),
                configuration.getMeta().policy(), new SecureRandom(), clock);

        // Our error mappers answer every error in one JSON format; Dropwizard's would answer some in another.
        ((AbstractServerFactory) configuration.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        JerseyEnvironment jersey = environment.jersey();
        RestApi.configure(environment.getObjectMapper());
        configuration.getAuth().register(jersey, environment.metrics(), clock);
        jersey.register(new RateLimitFeature(clock, configuration.getRateLimits().policies()));
        RestApi.register(jersey, configuration.getCorsAllowedOrigins(), version(),
                new TenantConfigResource(read, read, manage, manage, manage, manage, loader, loader, read),
                new AdminResource(read, read, deleteAll, manage, read),
                new OnboardingResource(onboarding, onboarding),
                new AuthResource());
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

    private static void registerMetrics(MetricRegistry metrics, CachingTenantConfigRepository cache,
            ConfigChangeListener listener, ResolutionCounter resolutions) {
        metrics.registerGauge("tenant-config.cache.hits", cache::hits);
        metrics.registerGauge("tenant-config.cache.misses", cache::misses);
        metrics.registerGauge("tenant-config.cache.size", cache::size);
        metrics.registerGauge("tenant-config.notifications.received", listener::notificationsReceived);
        metrics.registerGauge("tenant-config.notifications.reconnects", listener::reconnects);
        for (ValueSource source : ValueSource.values()) {
            metrics.registerGauge("tenant-config.resolutions." + source.label(),
                    () -> resolutions.snapshot().get(source));
        }
    }

    private static String version() {
        String version = TenantConfigApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
