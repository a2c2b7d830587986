package io.tenantconfig.bootstrap;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.tenantconfig.adapters.persistence.JdbiTenantConfigRepository;
import io.tenantconfig.bootstrap.database.SchemaMigrations;
import io.tenantconfig.domain.port.TenantConfigRepository;
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
        TenantConfigRepository repository = new JdbiTenantConfigRepository(jdbi);
    }
}
