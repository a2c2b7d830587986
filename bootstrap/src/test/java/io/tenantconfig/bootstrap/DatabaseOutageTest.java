package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away and comes back while the service runs: in between every call that needs
 * it answers 503 with Retry-After (never a 500, never a stale answer), and afterwards the service
 * serves again without a restart, with nothing lost.
 */
class DatabaseOutageTest {

    private static final String CONFIG = "/api/v1/tenant/config";

    @TempDir
    Path data;

    private EmbeddedPostgres database(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void while_the_database_is_down_the_api_answers_503_with_retry_after_and_recovers_when_it_is_back()
            throws Exception {
        int port = freePort();
        EmbeddedPostgres database = database(port);
        DropwizardTestSupport<TenantConfigConfiguration> app = new DropwizardTestSupport<>(
                TenantConfigApplication.class,
                ResourceHelpers.resourceFilePath("test.yml"),
                ConfigOverride.config("database.url", database.getJdbcUrl("postgres", "postgres")),
                ConfigOverride.config("database.user", "postgres"),
                ConfigOverride.config("database.maxWaitForConnection", "1s"));
        app.before();
        try {
            ApiClient api = new ApiClient(app);
            String acme = api.token("acme");
            assertThat(api.send("POST", CONFIG, acme, "{\"verify_token\":\"kept-through-the-outage\"}")
                            .statusCode())
                    .isEqualTo(201);

            database.close();

            // Until the change listener notices, the cache may still answer; then it must not.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.send("GET", CONFIG, acme, null).statusCode() == 503);
            HttpResponse<String> read = api.send("GET", CONFIG, acme, null);
            HttpResponse<String> write = api.send("PUT", CONFIG, acme, "{\"verify_token\":\"during-the-outage\"}");
            for (HttpResponse<String> unavailable : new HttpResponse[] {read, write}) {
                assertThat(unavailable.statusCode()).isEqualTo(503);
                assertThat(unavailable.headers().firstValue("Retry-After")).contains("5");
                assertThat(unavailable.body())
                        .contains("The configuration store is unavailable. Try again shortly.")
                        .doesNotContain("Exception")
                        .doesNotContain("jdbc:");
            }

            database = database(port);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.send("GET", CONFIG, acme, null).statusCode() == 200);
            assertThat(api.send("GET", CONFIG, acme, null).body()).contains("kept-through-the-outage");
            assertThat(api.send("PUT", CONFIG, acme, "{\"verify_token\":\"after-the-outage\"}")
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            app.after();
            database.close();
        }
    }
}
