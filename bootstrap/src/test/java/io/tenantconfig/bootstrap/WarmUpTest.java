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
import io.dropwizard.testing.DropwizardTestSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A freshly started instance sends itself requests for the configured time before its health
 * check says it is ready; those requests stay out of the request log.
 */
class WarmUpTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode warmUpCheck(DropwizardTestSupport<TenantConfigConfiguration> app) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + app.getAdminPort() + "/healthcheck"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(health.body()).get("warm-up");
    }

    @Test
    void the_instance_reports_ready_only_after_warming_up_and_its_warm_up_is_not_logged_as_traffic() throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("http.request");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Level before = requests.getLevel();
        DropwizardTestSupport<TenantConfigConfiguration> app =
                TestApps.support(DATABASE, ConfigOverride.config("warmUp.duration", "3s"));
        app.before();
        try {
            // Starting the application reset the logging (and stopped every appender): attach now,
            // while the 3 s warm-up runs.
            lines.start();
            requests.setLevel(Level.INFO);
            requests.addAppender(lines);
            assertThat(warmUpCheck(app).get("healthy").asBoolean())
                    .as("right after start")
                    .isFalse();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> warmUpCheck(app).get("healthy").asBoolean());

            assertThat(warmUpCheck(app).get("message").asText())
                    .matches("warmed up with [1-9][0-9]* requests in \\d+ s");
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + app.getLocalPort() + "/api/v1/openapi.json"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(lines.list)
                            .extracting(ILoggingEvent::getFormattedMessage)
                            .as("a request of a client's")
                            .anyMatch(line -> line.contains("GET /api/v1/openapi.json")));
            assertThat(lines.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .as("the warm-up's own")
                    .noneMatch(line -> line.contains("/api/v1/auth/verify") || line.contains("/api/v1/tenant/config"));
        } finally {
            app.after();
            requests.setLevel(before);
            requests.detachAppender(lines);
        }
    }
}
