package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.tenantconfig.testing.LogLeakGuard;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away and comes back while the service runs: in between the loader's answers
 * ({@code GET /config/resolved}) come from memory, marked stale, and every other call that needs
 * the database answers 503 with Retry-After (never a 500, never a stale answer); afterwards the
 * service serves again without a restart, with nothing lost, and what changed meanwhile arrives.
 */
class DatabaseOutageTest {

    private static final String CONFIG = "/api/v1/tenant/config";
    private static final String RESOLVED = "/api/v1/tenant/config/resolved";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private EmbeddedPostgres database(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
    }

    private static DropwizardTestSupport<TenantConfigConfiguration> instance(String jdbcUrl) throws Exception {
        DropwizardTestSupport<TenantConfigConfiguration> app = new DropwizardTestSupport<>(
                TenantConfigApplication.class,
                ResourceHelpers.resourceFilePath("test.yml"),
                ConfigOverride.config("database.url", jdbcUrl),
                ConfigOverride.config("database.user", "postgres"),
                ConfigOverride.config("database.maxWaitForConnection", "1s"));
        app.before();
        return app;
    }

    /** The answer of {@code GET /config/resolved} for a service of acme: status, stale, stale_since and verify_token. */
    private static String resolved(ApiClient api) throws Exception {
        HttpResponse<String> response = api.send("GET", RESOLVED, api.token("acme", "service"), null);
        if (response.statusCode() != 200) {
            return String.valueOf(response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        return "200 stale=" + body.get("stale").asBoolean()
                + (body.has("stale_since") ? " since" : "")
                + " verify_token=" + body.at("/values/verify_token/value").asText();
    }

    private static long gauge(DropwizardTestSupport<TenantConfigConfiguration> app, String name) {
        return ((Number) app.getEnvironment().metrics().getGauges().get(name).getValue()).longValue();
    }

    @Test
    void through_an_outage_the_loader_serves_the_last_known_values_and_changes_made_meanwhile_arrive_after()
            throws Exception {
        int port = freePort();
        EmbeddedPostgres database = database(port);
        TcpLink link = TcpLink.to(port);
        // Instance a reaches the database through a link the test cuts; instance b directly.
        DropwizardTestSupport<TenantConfigConfiguration> a = instance(link.jdbcUrl());
        DropwizardTestSupport<TenantConfigConfiguration> b = instance(database.getJdbcUrl("postgres", "postgres"));
        LogLeakGuard.attach(); // starting an application resets the logging
        try {
            ApiClient onA = new ApiClient(a);
            ApiClient onB = new ApiClient(b);
            String acme = onB.token("acme");
            assertThat(onB.send("POST", CONFIG, acme, "{\"verify_token\":\"before-the-outage\"}")
                            .statusCode())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> resolved(onA).equals("200 stale=false verify_token=before-the-outage"));

            link.cut();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> resolved(onA).equals("200 stale=true since verify_token=before-the-outage"));
            assertThat(gauge(a, "tenant-config.loader.stale")).isEqualTo(1);
            assertThat(onA.send("GET", CONFIG, acme, null).statusCode()).isEqualTo(503);
            assertThat(onA.send("PUT", CONFIG, acme, "{\"verify_token\":\"refused\"}")
                            .statusCode())
                    .isEqualTo(503);
            // Instance b still reaches the database, and changes acme meanwhile.
            assertThat(onB.send("PUT", CONFIG, acme, "{\"verify_token\":\"changed-meanwhile\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(resolved(onA)).isEqualTo("200 stale=true since verify_token=before-the-outage");

            link.restore();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> resolved(onA).equals("200 stale=false verify_token=changed-meanwhile"));
            assertThat(gauge(a, "tenant-config.loader.stale")).isZero();
            assertThat(gauge(a, "tenant-config.loader.stale-answers")).isPositive();
            assertThat(LogLeakGuard.lines())
                    .anyMatch(line -> line.startsWith("WARN ")
                            && line.contains("The database cannot be reached: the loader answers from memory"))
                    .anyMatch(line -> line.startsWith("INFO ")
                            && line.contains("The database answers again: the loader's answers are current again"));

            // Now the database itself stops: both instances answer from memory what they served, and refuse writes.
            assertThat(resolved(onB)).isEqualTo("200 stale=false verify_token=changed-meanwhile");
            database.close();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> resolved(onB).equals("200 stale=true since verify_token=changed-meanwhile"));
            assertThat(resolved(onA)).isEqualTo("200 stale=true since verify_token=changed-meanwhile");
            assertThat(onB.send("PUT", CONFIG, acme, "{\"verify_token\":\"refused\"}")
                            .statusCode())
                    .isEqualTo(503);

            database = database(port);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> onB.send("PUT", CONFIG, acme, "{\"verify_token\":\"after-the-outage\"}")
                                    .statusCode()
                            == 200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> resolved(onA).equals("200 stale=false verify_token=after-the-outage"));
        } finally {
            // In reverse: each restores the -Ddw. system properties it found, the other's included.
            b.after();
            a.after();
            link.close();
            database.close();
        }
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
