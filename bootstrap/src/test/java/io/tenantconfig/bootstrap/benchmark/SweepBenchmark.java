package io.tenantconfig.bootstrap.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tenantconfig.adapters.meta.GraphApiSettings;
import io.tenantconfig.adapters.meta.MetaAdapters;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.TestKeys;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.port.in.SweepHealthUseCase;
import io.tenantconfig.application.service.HealthFeature;
import io.tenantconfig.application.service.HealthPolicy;
import io.tenantconfig.application.service.SweepPolicy;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * A health sweep over 10,000 tenants against a local fake Graph API, through the real adapters
 * (HTTP client, throttle, PostgreSQL): is the configured rate of Graph calls held, and does the
 * heap stay flat while tenants are checked? Prints the figures README shows.
 *
 * <p>Run: {@code mvn -B -Pbenchmark -pl bootstrap -am verify -DskipTests}
 */
public final class SweepBenchmark {

    private static final int TENANTS = Integer.getInteger("sweep.tenants", 10_000);
    /** Below what the machine manages unthrottled (about 340 calls a second on 2 cores), so the throttle sets the pace. */
    private static final int CALLS_PER_SECOND = 250;

    private static final int IN_FLIGHT = 16;

    private SweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        AtomicLong graphCalls = new AtomicLong();
        HttpServer graph = fakeGraph(graphCalls);
        Jdbi jdbi = TestDatabase.migrated().pooledJdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO tenant_configs (tenant_id) SELECT 'tenant-' || g FROM generate_series(1, " + TENANTS
                    + ") g");
            h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id, access_token)"
                    + " SELECT id, (5000000 + split_part(tenant_id, '-', 2)::int)::text,"
                    + " 'EAAG-benchmark-token-' || split_part(tenant_id, '-', 2) FROM tenant_configs");
            h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                    + " SELECT config_id, id, (7000000 + config_id)::text, true FROM whatsapp_accounts");
        });
        ExecutorService checks = Executors.newFixedThreadPool(IN_FLIGHT);
        HealthFeature health = health(jdbi, graph, checks);

        // Enrol every tenant (spread over the interval), then make them all due: the whole
        // interval's work at once, as after an incident at Meta.
        health.sweepHealth().sweepOnce("benchmark-enrol");
        jdbi.useHandle(h -> h.execute("UPDATE tenant_health SET next_check_at = now() - interval '1 second'"));
        graphCalls.set(0);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> heapAfterGc = new ArrayList<>();
        long started = System.nanoTime();
        int checked = 0;
        int nextSample = 0;
        int idleRounds = 0;
        while (checked < TENANTS && idleRounds < 3) {
            SweepHealthUseCase.Round round = health.sweepHealth().sweepOnce("benchmark");
            checked += round.checked();
            idleRounds = round.leased() == 0 ? idleRounds + 1 : 0;
            if (checked >= nextSample) {
                System.gc();
                heapAfterGc.add(memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
                nextSample += TENANTS / 10;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        checks.shutdown();
        graph.stop(0);

        System.out.printf(
                "Checked %,d tenants (%,d Graph calls) in %.1f s: %.0f Graph calls/s against a limit of %,d/s,"
                        + " %d in flight at most%n",
                checked, graphCalls.get(), seconds, graphCalls.get() / seconds, CALLS_PER_SECOND, IN_FLIGHT);
        System.out.printf(
                "Heap after GC every %,d tenants (MiB): %s; max heap %d MiB%n",
                TENANTS / 10, heapAfterGc, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        long healthy = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_health WHERE state = 'HEALTHY'")
                .mapTo(Long.class)
                .one());
        long checkedTwice = jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM tenant_health WHERE next_check_at < now() + interval '5 hours'")
                .mapTo(Long.class)
                .one());
        System.out.printf(
                "Tenants HEALTHY afterwards: %,d; not scheduled an interval ahead: %,d%n", healthy, checkedTwice);
        System.exit(0);
    }

    private static HealthFeature health(Jdbi jdbi, HttpServer graph, ExecutorService checks) {
        GraphApiSettings settings = new GraphApiSettings(
                URI.create("http://localhost:" + graph.getAddress().getPort()),
                "v23.0",
                MetaId.parse("1234567890"),
                Secret.of("benchmark-app-secret"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        Duration interval = Duration.ofHours(6);
        PostgresAdapters database = PostgresAdapters.direct(jdbi, TestKeys.KEYSET, Clock.systemUTC());
        return new HealthFeature(
                database.store(),
                database.healthStore(interval),
                database.healthSchedule(),
                new MetaAdapters(settings, Clock.systemUTC()).health(CALLS_PER_SECOND, IN_FLIGHT),
                database.numberCapacities(),
                database.directory(),
                HealthPolicy.DEFAULT,
                new SweepPolicy(interval, 0, Duration.ofMinutes(5), 200),
                checks,
                new SplittableRandom(1),
                Clock.systemUTC());
    }

    /** Answers debug_token, a number and an account's numbers as Meta does for a healthy tenant. */
    private static HttpServer fakeGraph(AtomicLong calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.endsWith("/debug_token")) {
                body =
                        "{\"data\":{\"app_id\":\"1234567890\",\"type\":\"SYSTEM_USER\",\"is_valid\":true,\"expires_at\":0,"
                                + "\"scopes\":[\"whatsapp_business_management\",\"whatsapp_business_messaging\"]}}";
            } else if (path.endsWith("/phone_numbers")) {
                long waba = Long.parseLong(path.replaceAll(".*/([0-9]+)/phone_numbers", "$1"));
                // Tenant g has WABA 5000000 + g and, seeded in id order, number 7000000 + g.
                body = "{\"data\":[{\"id\":\"" + (7_000_000 + (waba - 5_000_000)) + "\"}]}";
            } else {
                body = "{\"status\":\"CONNECTED\",\"quality_rating\":\"GREEN\",\"name_status\":\"APPROVED\"}";
            }
            answer(exchange, body);
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
