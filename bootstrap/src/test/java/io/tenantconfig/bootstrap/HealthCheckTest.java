package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole application on a real (embedded) PostgreSQL, as an operator's monitoring sees it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HealthCheckTest {

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(DATABASE);

    @Test
    void the_admin_port_reports_the_database_healthy() {
        Response response = APP.client()
                .target("http://localhost:" + APP.getAdminPort() + "/healthcheck")
                .request()
                .get();

        assertThat(response.getStatus()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> checks = response.readEntity(Map.class);
        assertThat(checks).containsKey("database");
        assertThat(checks.get("database")).containsEntry("healthy", true);
        assertThat(checks.get("change-listener"))
                .containsEntry("healthy", true)
                .containsEntry("message", "receiving every configuration change; lookups are served from memory");
    }

    @Test
    void the_schema_is_migrated_at_start_when_configured() {
        Response response = APP.client()
                .target("http://localhost:" + APP.getAdminPort() + "/healthcheck")
                .request()
                .get();

        assertThat(response.getStatus()).isEqualTo(200);
        Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_configs")
                .mapTo(Long.class)
                .one());
        assertThat(rows).isZero();
    }
}
