package io.tenantconfig.adapters.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;

/**
 * A real PostgreSQL for tests, from the embedded binaries: one server per test JVM, and a new,
 * empty database for each caller, so test classes never see each other's rows.
 */
public final class TestDatabase {

    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** A new database with no tables. */
    public static TestDatabase empty() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return new TestDatabase(name);
    }

    /** A new database with the schema of migrations.xml applied. */
    public static TestDatabase migrated() {
        TestDatabase database = empty();
        database.withLiquibase(liquibase -> liquibase.update(""));
        return database;
    }

    public String jdbcUrl() {
        return server().getJdbcUrl(USER, name);
    }

    public DataSource dataSource() {
        return server().getDatabase(USER, name);
    }

    /** A connection of its own, named {@code applicationName} (so a test can end it), as a listener opens one. */
    public Connection newConnection(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /**
     * JDBI over a pool of up to four connections, as the service has one (Dropwizard's data source
     * is tomcat-jdbc): a round trip costs a query, not a new connection. For the benchmarks.
     */
    public Jdbi pooledJdbi() {
        org.apache.tomcat.jdbc.pool.DataSource pool = new org.apache.tomcat.jdbc.pool.DataSource();
        pool.setUrl(jdbcUrl());
        pool.setUsername(USER);
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setMaxActive(4);
        return Jdbi.create(pool);
    }

    /** Runs Liquibase with the project's changelog against this database. */
    public void withLiquibase(LiquibaseAction action) {
        try (Connection connection = dataSource().getConnection()) {
            Liquibase liquibase =
                    new Liquibase("migrations.xml", new ClassLoaderResourceAccessor(), new JdbcConnection(connection));
            action.run(liquibase);
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase failed on " + name, e);
        }
    }

    @FunctionalInterface
    public interface LiquibaseAction {
        void run(Liquibase liquibase) throws Exception;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Stopped by the shutdown hook the library registers.
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
