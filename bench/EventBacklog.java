import com.sun.net.httpserver.HttpServer;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.application.port.out.EventOutbox;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * A backlog that costs nothing (issue "Events keep up", item 4). Three steps, each its own run:
 *
 * <pre>
 * seed JDBC_URL USER EVENTS TENANTS   events pending for tenants, as after an hour of a receiver
 *                                     down at peak: every tenant waiting out a backoff of an hour,
 *                                     but the first, whose retry is due
 * claims JDBC_URL USER COUNT BATCH    times COUNT claims of BATCH events each (each given back): p50, p99
 * drain PORT SECONDS                  a receiver answering 50 ms late: the events a second it gets
 * </pre>
 *
 * java -cp bootstrap/target/tenant-config.jar bench/EventBacklog.java seed|claims|drain ...
 */
public class EventBacklog {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "claims" -> claims(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "drain" -> drain(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("seed, claims or drain");
        }
    }

    private static void seed(String url, String user, int events, int tenants) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO events (tenant_id, type, occurred_at, data, next_attempt_at)"
                    + " SELECT 'backlog-' || (g % " + tenants + "), 'whatsapp.change', now() - interval '1 hour',"
                    + " '{\"field\":\"messages\",\"value\":{\"messages\":[{\"id\":\"wamid.backlog-' || g || '\"}]}}',"
                    + " now() FROM generate_series(1, " + events + ") AS g");
            sql.execute("INSERT INTO event_streams (tenant_id, due_at, failures)"
                    + " SELECT 'backlog-' || t, CASE WHEN t = 0 THEN now() ELSE now() + interval '1 hour' END, 9"
                    + " FROM generate_series(0, " + (tenants - 1) + ") AS t"
                    + " ON CONFLICT (tenant_id) DO UPDATE SET due_at = EXCLUDED.due_at, failures = 9");
            sql.execute("VACUUM ANALYZE events");
            sql.execute("VACUUM ANALYZE event_streams");
        }
        System.out.printf(
                "seeded %,d pending events of %,d tenants in %.1f s%n", events, tenants, (System.nanoTime() - started) / 1e9);
    }

    private static void claims(String url, String user, int count, int batch) throws Exception {
        // One connection held open, as the service's pool holds its connections.
        // No secrets are read: a keyset of its own will do.
        EventOutbox outbox = PostgresAdapters.direct(
                        Jdbi.create(DriverManager.getConnection(url, user, "")),
                        PostgresAdapters.newKeyset(),
                        Clock.systemUTC())
                .outbox();
        // Make every stream due, as the receiver's first answer does.
        outbox.retryWaiting(Instant.now());
        for (int i = 0; i < 200; i++) {
            outbox.claimNext(Instant.now(), Instant.now().plusSeconds(60), 100)
                    .ifPresent(claim -> outbox.release(claim, Instant.now(), claim.failures()));
        }
        long[] micros = new long[count];
        int events = 0;
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Optional<EventOutbox.Claim> claim = outbox.claimNext(Instant.now(), Instant.now().plusSeconds(60), batch);
            micros[i] = (System.nanoTime() - started) / 1000;
            if (claim.isPresent()) {
                events += claim.get().events().size();
                outbox.release(claim.get(), Instant.now(), claim.get().failures());
            }
        }
        Arrays.sort(micros);
        EventOutbox.Backlog backlog = outbox.backlog();
        System.out.printf(
                "%d claims with %,d events pending (%.0f events each): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                count,
                backlog.pending(),
                (double) events / count,
                micros[count / 2] / 1000.0,
                micros[(int) Math.ceil(count * 0.99) - 1] / 1000.0,
                micros[count - 1] / 1000.0);
        System.exit(micros[(int) Math.ceil(count * 0.99) - 1] < 10_000 ? 0 : 1);
    }

    private static void drain(int port, int seconds) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong first = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", port), 1024);
        receiver.setExecutor(Executors.newFixedThreadPool(256));
        receiver.createContext("/events", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            first.compareAndSet(0, System.nanoTime());
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            received.addAndGet(text.split("\"type\":", -1).length - 1);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        while (first.get() == 0) {
            Thread.sleep(50);
        }
        long startedAt = first.get();
        System.out.println("the receiver answers again: the first request arrived");
        Thread.sleep(seconds * 1000L);
        long got = received.get();
        double elapsed = (System.nanoTime() - startedAt) / 1e9;
        receiver.stop(0);
        System.out.printf(
                "drained %,d events in %.1f s after the receiver came back: %,.0f events a second%n",
                got, elapsed, got / elapsed);
        System.exit(got / elapsed >= 1000 ? 0 : 1);
    }
}
