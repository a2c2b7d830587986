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
import io.tenantconfig.adapters.persistence.JdbiTenantConfigRepository;
import io.tenantconfig.adapters.rest.AdminResource;
import io.tenantconfig.adapters.rest.AuthResource;
import io.tenantconfig.adapters.rest.OnboardingResource;
import io.tenantconfig.adapters.rest.RestApi;
import io.tenantconfig.adapters.rest.TenantConfigResource;
import io.tenantconfig.application.service.DeleteAllTenantConfigsService;
import io.tenantconfig.application.service.ManageTenantConfigService;
import io.tenantconfig.application.service.OnboardingService;
import io.tenantconfig.application.service.ReadTenantConfigService;
import io.tenantconfig.bootstrap.database.SchemaMigrations;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.security.SecureRandom;
import java.time.Clock;
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

        TenantConfigRepository repository = new JdbiTenantConfigRepository(jdbi);
        ManageTenantConfigService manage = new ManageTenantConfigService(repository, clock);
        ReadTenantConfigService read = new ReadTenantConfigService(repository);
        DeleteAllTenantConfigsService deleteAll = new DeleteAllTenantConfigsService(repository);
        OnboardingService onboarding = new OnboardingService(repository,
                configuration.getMeta().build(environment.getObjectMapper(), clock),
                configuration.getMeta().policy(), new SecureRandom(), clock);

        // Our error mappers answer every error in one JSON format; Dropwizard's would answer some in another.
        ((AbstractServerFactory) configuration.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        JerseyEnvironment jersey = environment.jersey();
        RestApi.configure(environment.getObjectMapper());
        configuration.getAuth().register(jersey, environment.metrics(), clock);
        RestApi.register(jersey, configuration.getCorsAllowedOrigins(), version(),
                new TenantConfigResource(read, read, manage, manage, manage, manage),
                new AdminResource(read, read, deleteAll, manage),
                new OnboardingResource(onboarding, onboarding),
                new AuthResource());
    }

    private static String version() {
        String version = TenantConfigApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
