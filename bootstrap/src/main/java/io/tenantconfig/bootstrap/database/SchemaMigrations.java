package io.tenantconfig.bootstrap.database;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;

/** adapters-persistence's migrations.xml, the same changelog {@code db migrate} runs. */
public final class SchemaMigrations {

    public static final String CHANGELOG = "migrations.xml";

    private SchemaMigrations() {}

    /** Applies every change not applied yet (development: {@code database.migrateOnStart}). */
    static void migrate(DataSourceFactory dataSourceFactory) throws Exception {
        withLiquibase(dataSourceFactory, liquibase -> liquibase.update(""));
    }

    /**
     * Refuses to start on a schema this version does not know yet: a query against a missing
     * column would otherwise fail at the first request instead of at start.
     */
    static void requireApplied(DataSourceFactory dataSourceFactory) throws Exception {
        withLiquibase(dataSourceFactory, liquibase -> {
            List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
            if (!pending.isEmpty()) {
                throw new IllegalStateException("The database schema is " + pending.size() + " change(s) behind "
                        + "this version (first: " + pending.get(0).getId() + "). Apply them with: "
                        + "java -jar tenant-config.jar db migrate config.yml");
            }
        });
    }

    /** Runs {@code work} with the changelog on a short-lived pool of its own, closed afterwards. */
    private static void withLiquibase(DataSourceFactory dataSourceFactory, LiquibaseWork work) throws Exception {
        ManagedDataSource dataSource = dataSourceFactory.build(new MetricRegistry(), "migrations");
        try (CloseableLiquibaseWithClassPathMigrationsFile liquibase =
                new CloseableLiquibaseWithClassPathMigrationsFile(dataSource, CHANGELOG)) {
            work.run(liquibase);
        }
    }

    @FunctionalInterface
    private interface LiquibaseWork {
        void run(CloseableLiquibaseWithClassPathMigrationsFile liquibase) throws Exception;
    }
}
