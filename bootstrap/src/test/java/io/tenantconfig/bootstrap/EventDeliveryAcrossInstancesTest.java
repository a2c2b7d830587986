package io.tenantconfig.bootstrap;

import static io.tenantconfig.testing.MetaSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.SecretValues;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, each with several deliverers, and a receiver that answers
 * every request a little late: requests for different tenants overlap, one tenant's never do,
 * and every tenant's events arrive in the order they were stored, each once.
 */
class EventDeliveryAcrossInstancesTest {

    private static final String PLATFORM_SECRET = SecretValues.secret("platform-app-secret-instances-0123");
    private static final String EVENTS_SECRET = SecretValues.secret("events-signing-secret-instances-0123456789");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TENANTS = 6;
    private static final int MESSAGES_PER_TENANT = 40;

    /** What the receiver saw: each tenant's event ids in the order they arrived, and the overlaps. */
    private final Map<String, List<Long>> arrived = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> inFlightByTenant = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger mostInFlightForOneTenant = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private HttpServer receiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/events", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            JsonNode events = JSON.readTree(body).get("events");
            String tenant = events.get(0).get("tenant_id").asText();
            requests.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            AtomicInteger mine = inFlightByTenant.computeIfAbsent(tenant, t -> new AtomicInteger());
            mostInFlightForOneTenant.accumulateAndGet(mine.incrementAndGet(), Math::max);
            try {
                for (JsonNode event : events) {
                    assertThat(event.get("tenant_id").asText())
                            .as("one tenant per request")
                            .isEqualTo(tenant);
                    arrived.computeIfAbsent(tenant, t -> new ArrayList<>())
                            .add(event.get("id").asLong());
                }
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                mine.decrementAndGet();
                inFlight.decrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static DropwizardTestSupport<TenantConfigConfiguration> instance(
            TestDatabase database, Path dotenv, int receiverPort) throws Exception {
        DropwizardTestSupport<TenantConfigConfiguration> app = TestApps.support(
                database,
                ConfigOverride.config("credentials.dotenvFile", dotenv.toString()),
                ConfigOverride.config("events.webhookUrl", "http://localhost:" + receiverPort + "/events"),
                ConfigOverride.config("events.webhookSecret", EVENTS_SECRET),
                ConfigOverride.config("events.deliverEvery", "20ms"),
                ConfigOverride.config("events.deliveriesInFlight", "3"),
                ConfigOverride.config("events.batchSize", "5"));
        app.before();
        return app;
    }

    private static String body(String waba, String number, String id) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba + "\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                + number + "\"},\"messages\":[{\"id\":\"" + id + "\",\"type\":\"text\"}]}}]}]}";
    }

    @Test
    void each_tenants_events_arrive_in_order_once_while_two_instances_deliver_tenants_at_once() throws Exception {
        HttpServer receiver = receiver();
        Path dotenv = Files.createTempFile("instances", ".env");
        Files.writeString(dotenv, "FB_APP_SECRET=" + PLATFORM_SECRET + "\n");
        TestDatabase database = TestDatabase.empty();
        DropwizardTestSupport<TenantConfigConfiguration> a =
                instance(database, dotenv, receiver.getAddress().getPort());
        DropwizardTestSupport<TenantConfigConfiguration> b =
                instance(database, dotenv, receiver.getAddress().getPort());
        try {
            ApiClient onA = new ApiClient(a);
            for (int t = 0; t < TENANTS; t++) {
                assertThat(onA.send(
                                        "POST",
                                        "/api/v1/tenant/config",
                                        onA.token("tenant-" + t),
                                        "{\"waba_id\":\"7100" + t + "\",\"phone_number_id\":\"7200" + t + "\"}")
                                .statusCode())
                        .isEqualTo(201);
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int m = 0; m < MESSAGES_PER_TENANT; m++) {
                for (int t = 0; t < TENANTS; t++) {
                    byte[] body = body("7100" + t, "7200" + t, "wamid.order-" + t + "-" + m)
                            .getBytes(StandardCharsets.UTF_8);
                    DropwizardTestSupport<TenantConfigConfiguration> to = (m + t) % 2 == 0 ? a : b;
                    HttpResponse<String> taken = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + to.getLocalPort() + "/api/v1/webhooks/whatsapp"))
                                    .header("X-Hub-Signature-256", sign(PLATFORM_SECRET, body))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(taken.statusCode()).isEqualTo(200);
                }
            }

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> arrived.values().stream().mapToInt(List::size).sum() >= TENANTS * MESSAGES_PER_TENANT);

            assertThat(arrived).hasSize(TENANTS);
            for (Map.Entry<String, List<Long>> tenant : arrived.entrySet()) {
                assertThat(tenant.getValue())
                        .as(tenant.getKey() + "'s events, as they arrived")
                        .hasSize(MESSAGES_PER_TENANT)
                        .isSorted()
                        .doesNotHaveDuplicates();
            }
            assertThat(mostInFlightForOneTenant.get())
                    .as("requests for one tenant in progress at once")
                    .isEqualTo(1);
            assertThat(mostInFlight.get())
                    .as("requests for different tenants in progress at once")
                    .isGreaterThan(1);
            assertThat(requests.get())
                    .as("requests of at most 5 events (batchSize), as many as the events arrived apart")
                    .isBetween(TENANTS * MESSAGES_PER_TENANT / 5, TENANTS * MESSAGES_PER_TENANT);
            assertThat(delivered(a)).as("instance A delivered some").isPositive();
            assertThat(delivered(b)).as("instance B delivered some").isPositive();
        } finally {
            b.after();
            a.after();
            receiver.stop(0);
        }
    }

    private static long delivered(DropwizardTestSupport<TenantConfigConfiguration> app) {
        return app.getEnvironment()
                .metrics()
                .meter("tenant-config.events.delivered")
                .getCount();
    }
}
