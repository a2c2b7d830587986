package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * What an operator running the service behind a proxy, with Prometheus, sees: the client's
 * address from the proxy's header in the audit trail, the metrics in Prometheus's text format on
 * the admin port, and the request log naming each request's id.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OperabilityTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(
            DATABASE, ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"));

    private final ApiClient api = new ApiClient(APP);

    @Test
    void behind_a_proxy_the_audit_trail_records_the_clients_address_from_x_forwarded_for() throws Exception {
        String tenant = api.token("forwarded");
        HttpResponse<String> created = api.send(
                "POST", "/api/v1/tenant/config", tenant, "{\"verify_token\":\"v\"}", "X-Forwarded-For", "203.0.113.7");
        assertThat(created.statusCode()).isEqualTo(201);

        JsonNode trail = new ObjectMapper()
                .readTree(api.send("GET", "/api/v1/tenant/config/history", tenant, null)
                        .body());

        assertThat(trail.at("/records/0/action").asText()).isEqualTo("CREATE");
        assertThat(trail.at("/records/0/client_address").asText()).isEqualTo("203.0.113.7");
    }

    @Test
    void the_metrics_are_served_in_prometheus_text_format_on_the_admin_port() throws Exception {
        HttpResponse<String> scraped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + "/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scraped.body())
                .contains("# TYPE tenant_config_cache_size gauge")
                .contains("tenant_config_loader_stale 0.0");
    }

    @Test
    void each_request_log_line_ends_with_the_requests_id() throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("http.request");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        requests.addAppender(lines);
        Level before = requests.getLevel();
        requests.setLevel(Level.INFO);
        try {
            api.send("GET", "/api/v1/auth/verify", api.token("acme"), null, "X-Request-Id", "trace-request-log-1");

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(lines.list)
                            .extracting(ILoggingEvent::getFormattedMessage)
                            .anySatisfy(line -> assertThat(line)
                                    .contains("\"GET /api/v1/auth/verify HTTP/1.1\" 200")
                                    .endsWith(" trace-request-log-1")));
        } finally {
            requests.setLevel(before);
            requests.detachAppender(lines);
        }
    }
}
