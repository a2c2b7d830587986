package io.tenantconfig.bootstrap;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.migrations.MigrationsBundle;
import io.tenantconfig.adapters.rest.RestApi;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitFeature;
import io.tenantconfig.application.port.in.UseCases;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.service.Services;
import io.tenantconfig.bootstrap.credentials.CredentialsFactory;
import io.tenantconfig.bootstrap.credentials.EnvironmentFallback;
import io.tenantconfig.bootstrap.credentials.ReloadFallbackTask;
import io.tenantconfig.bootstrap.database.Database;
import io.tenantconfig.bootstrap.database.SchemaMigrations;
import io.tenantconfig.bootstrap.encryption.KeysetCommand;
import io.tenantconfig.bootstrap.encryption.SecretsCommand;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The service. {@link #run} is the composition root: it wires every part, through the factories
 * of the configuration's sections and the modules' own wiring ({@code Services.wire},
 * {@code RestApi}); nothing is found by scanning.
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
                return configuration.getDatabase().dataSourceForCommands();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrations.CHANGELOG;
            }
        });
    }

    @Override
    public void run(TenantConfigConfiguration configuration, Environment environment) throws Exception {
        Clock clock = Clock.systemUTC();
        CredentialsFactory credentials = configuration.getCredentials();
        Database database = configuration
                .getDatabase()
                .build(environment, configuration.getEncryption().cipher(), credentials.cache());
        EnvironmentFallback fallback = new EnvironmentFallback(Path.of(credentials.getDotenvFile()), System.getenv());
        environment.admin().addTask(new ReloadFallbackTask(fallback));
        ResolutionCounter resolutions = new ResolutionCounter();
        for (ValueSource source : ValueSource.values()) {
            environment
                    .metrics()
                    .registerGauge(
                            "tenant-config.resolutions." + source.label(),
                            () -> resolutions.snapshot().get(source));
        }

        UseCases useCases = Services.wire(
                new Services.Ports(
                        database.store(),
                        database.catalog(),
                        database.auditLog(),
                        configuration.getMeta().build(clock),
                        fallback,
                        database.directory()),
                configuration.getMeta().policy(),
                configuration.getPhoneNumbersPerTenant(),
                resolutions,
                new SecureRandom(),
                clock);

        // Our error mappers answer every error in one JSON format; Dropwizard's would answer some in another.
        ((AbstractServerFactory) configuration.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        JerseyEnvironment jersey = environment.jersey();
        RestApi.configure(environment.getObjectMapper());
        configuration.getAuth().register(jersey, environment.metrics(), clock);
        jersey.register(
                new RateLimitFeature(clock, configuration.getRateLimits().policies()));
        RestApi.register(jersey, configuration.getCorsAllowedOrigins(), version(), RestApi.resources(useCases));
    }

    private static String version() {
        String version = TenantConfigApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
