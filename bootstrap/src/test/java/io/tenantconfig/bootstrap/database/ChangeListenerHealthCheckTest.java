package io.tenantconfig.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import io.tenantconfig.adapters.persistence.CachingConfigStore;
import io.tenantconfig.adapters.persistence.ConfigChangeListener;
import io.tenantconfig.adapters.persistence.JdbiConfigStore;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.persistence.testing.TestKeys;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The change listener's health check says whether lookups are served from memory or from the database. */
class ChangeListenerHealthCheckTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();

    private static CachingConfigStore store() {
        return new CachingConfigStore(
                new JdbiConfigStore(Jdbi.create(DATABASE.dataSource()), TestKeys.cipher()),
                10,
                Duration.ofMinutes(1),
                Duration.ofMinutes(15),
                Clock.systemUTC());
    }

    @Test
    void a_listener_that_cannot_reach_the_database_is_unhealthy_and_says_what_that_means() throws Exception {
        ConfigChangeListener listener = new ConfigChangeListener(
                () -> {
                    throw new SQLException("connection refused", "08001");
                },
                store(),
                Duration.ofMinutes(1));
        listener.start();
        try {
            HealthCheck.Result result = new ChangeListenerHealthCheck(listener).execute();

            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("every lookup goes to the database");
        } finally {
            listener.stop();
        }
    }

    @Test
    void a_listening_listener_is_healthy() throws Exception {
        ConfigChangeListener listener = new ConfigChangeListener(
                () -> DriverManager.getConnection(DATABASE.jdbcUrl()), store(), Duration.ofMinutes(1));
        listener.start();
        try {
            assertThat(new ChangeListenerHealthCheck(listener).execute().isHealthy())
                    .isTrue();
        } finally {
            listener.stop();
        }
        assertThat(new ChangeListenerHealthCheck(listener).execute().isHealthy())
                .as("once stopped")
                .isFalse();
    }
}
