package io.tenantconfig.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.TestKeys;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The change listener's health check says whether lookups are served from memory or from the database. */
class NotificationListenerCheckTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();

    /** The database's adapters as the service builds them, the listener's connections from {@code connections}. */
    private static PostgresAdapters adapters(Callable<Connection> connections) {
        return PostgresAdapters.serving(
                Jdbi.create(DATABASE.dataSource()),
                TestKeys.KEYSET,
                Clock.systemUTC(),
                new PostgresAdapters.CacheSettings(
                        10, 10, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15)),
                connections);
    }

    @Test
    void a_listener_that_cannot_reach_the_database_is_unhealthy_and_says_what_that_means() throws Exception {
        PostgresAdapters listener = adapters(() -> {
            throw new SQLException("connection refused", "08001");
        });
        listener.start();
        try {
            HealthCheck.Result result = new NotificationListenerCheck(listener::isListening).execute();

            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("every lookup goes to the database");
        } finally {
            listener.stop();
        }
    }

    @Test
    void a_listening_listener_is_healthy() throws Exception {
        PostgresAdapters listener = adapters(() -> DriverManager.getConnection(DATABASE.jdbcUrl()));
        listener.start();
        try {
            assertThat(new NotificationListenerCheck(listener::isListening)
                            .execute()
                            .isHealthy())
                    .isTrue();
        } finally {
            listener.stop();
        }
        assertThat(new NotificationListenerCheck(listener::isListening)
                        .execute()
                        .isHealthy())
                .as("once stopped")
                .isFalse();
    }
}
