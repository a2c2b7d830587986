import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.application.port.out.Retention;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * The retention job on a large table: ROWS delivered events and ROWS webhook changes older than
 * their 7 days, deleted by the service's own Retention, one batch of each kind per call, while a
 * writer keeps adding events and webhook changes as the intake does. Prints how long the whole
 * deletion took, the longest single call, and the longest insert the writer waited for.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar bench/RetentionRounds.java JDBC_URL USER ROWS
 */
public class RetentionRounds {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int rows = Integer.parseInt(args[2]);
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO events (tenant_id, type, occurred_at, data, status, next_attempt_at, delivered_at)"
                    + " SELECT 'old-' || (g % 1000), 'whatsapp.change', now() - interval '8 days', '{\"n\":' || g || '}',"
                    + " 'DELIVERED', now(), now() - interval '8 days' FROM generate_series(1, " + rows + ") AS g");
            sql.execute("INSERT INTO webhook_changes (received_at, dedupe_scope, dedupe_key, tenant_id, field, value)"
                    + " SELECT now() - interval '8 days', 'old-' || (g % 1000), 'wamid:old-' || g, 'old-' || (g % 1000),"
                    + " 'messages', '{\"n\":' || g || '}' FROM generate_series(1, " + rows + ") AS g");
            sql.execute("VACUUM ANALYZE events");
            sql.execute("VACUUM ANALYZE webhook_changes");
        }
        System.out.printf("seeded %,d delivered events and %,d webhook changes, 8 days old%n", rows, rows);

        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> insertMicros = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    PreparedStatement event = connection.prepareStatement(
                            "INSERT INTO events (tenant_id, type, occurred_at, data, next_attempt_at)"
                                    + " VALUES ('writer', 'whatsapp.change', now(), '{}', now())");
                    PreparedStatement change = connection.prepareStatement(
                            "INSERT INTO webhook_changes (received_at, dedupe_scope, dedupe_key, tenant_id, field,"
                                    + " value) VALUES (now(), 'writer', md5(random()::text), 'writer', 'messages', '{}')")) {
                while (writing.get()) {
                    long started = System.nanoTime();
                    event.executeUpdate();
                    change.executeUpdate();
                    insertMicros.add((System.nanoTime() - started) / 1000);
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();

        // No secrets are read: a keyset of its own will do.
        Retention retention = PostgresAdapters.direct(
                        Jdbi.create(DriverManager.getConnection(url, user, "")),
                        PostgresAdapters.newKeyset(),
                        Clock.systemUTC())
                .retention(new Retention.Ages(Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(30)), 1);
        long started = System.nanoTime();
        long longestCall = 0;
        long deleted = 0;
        for (Retention.Round round; ; ) {
            long call = System.nanoTime();
            round = retention.removeExpired(Instant.now());
            longestCall = Math.max(longestCall, System.nanoTime() - call);
            deleted += round.total();
            if (round.total() == 0) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        writing.set(false);
        writer.join();
        long longestInsert = insertMicros.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf(
                "deleted %,d rows in %.1f s (%,.0f a second); the longest call (a batch of 1,000 of each kind) took"
                        + " %.0f ms; %,d inserts meanwhile, the longest %.1f ms%n",
                deleted, seconds, deleted / seconds, longestCall / 1e6, insertMicros.size(), longestInsert / 1000.0);
    }
}
