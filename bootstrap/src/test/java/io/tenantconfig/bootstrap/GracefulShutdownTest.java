package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping the service (SIGTERM in production: Dropwizard's shutdown hook) lets the requests in
 * flight finish and answer before anything they need is stopped, within
 * {@code server.shutdownGracePeriod}.
 */
class GracefulShutdownTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final CountDownLatch ARRIVED = new CountDownLatch(1);

    /** The service with one more endpoint that takes a second to answer. */
    public static final class WithASlowEndpoint extends TenantConfigApplication {
        @Override
        public void run(TenantConfigConfiguration configuration, Environment environment) throws Exception {
            super.run(configuration, environment);
            environment.jersey().register(new Slow());
        }
    }

    @Path("/slow")
    public static final class Slow {
        @GET
        public String answer() throws InterruptedException {
            ARRIVED.countDown();
            Thread.sleep(1_000);
            return "answered";
        }
    }

    @Test
    void a_request_in_flight_when_the_service_is_stopped_is_answered() throws Exception {
        DropwizardTestSupport<TenantConfigConfiguration> app = new DropwizardTestSupport<>(
                WithASlowEndpoint.class,
                ResourceHelpers.resourceFilePath("test.yml"),
                ConfigOverride.config("database.url", DATABASE.jdbcUrl()),
                ConfigOverride.config("database.user", TestDatabase.USER));
        app.before();
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + app.getLocalPort() + "/slow"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ARRIVED.await(10, TimeUnit.SECONDS))
                .as("the request reached the service")
                .isTrue();

        app.after();

        HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("answered");
    }
}
