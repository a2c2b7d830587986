package io.tenantconfig.bootstrap.database;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;

/** Applies adapters-persistence's migrations.xml, the same changelog {@code db migrate} runs. */
public final class SchemaMigrations {

    public static final String CHANGELOG = "migrations.xml";

    private SchemaMigrations() {
    }

    public static void migrate(DataSourceFactory dataSourceFactory) throws Exception {
        ManagedDataSource dataSource = dataSourceFactory.build(new MetricRegistry(), "migrations");
        try (CloseableLiquibaseWithClassPathMigrationsFile liquibase =
                new CloseableLiquibaseWithClassPathMigrationsFile(dataSource, CHANGELOG)) {
            liquibase.update("");
        }
    }
}
