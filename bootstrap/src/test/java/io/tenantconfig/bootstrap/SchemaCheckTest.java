package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Production does not migrate at start: it refuses to start on a schema it does not know, saying what to run. */
class SchemaCheckTest {

    private static DropwizardTestSupport<TenantConfigConfiguration> server(TestDatabase database) {
        return TestApps.support(database, ConfigOverride.config("database.migrateOnStart", "false"));
    }

    @Test
    void a_database_the_migrations_were_not_applied_to_is_refused_at_start_with_the_command_to_run() {
        DropwizardTestSupport<TenantConfigConfiguration> server = server(TestDatabase.empty());

        try {
            assertThatThrownBy(server::before)
                    .hasStackTraceContaining(
                            "The database schema is 31 change(s) behind this version (first: 1-create-tenant-configs). "
                                    + "Apply them with: java -jar tenant-config.jar db migrate config.yml");
        } finally {
            server.after();
        }
    }

    @Test
    void a_migrated_database_starts() throws Exception {
        DropwizardTestSupport<TenantConfigConfiguration> server = server(TestDatabase.migrated());

        server.before();
        try {
            assertThat(server.getLocalPort()).isPositive();
        } finally {
            server.after();
        }
    }
}
