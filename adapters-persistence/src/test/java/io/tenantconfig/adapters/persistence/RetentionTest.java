package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.port.out.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the retention job deletes, what it keeps, and two instances running it at once. */
class RetentionTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Retention.Ages SHIPPED =
            new Retention.Ages(Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(30));

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute("TRUNCATE events, event_streams, webhook_changes RESTART IDENTITY"));
    }

    private void event(String status, Duration age) {
        Instant at = NOW.minus(age);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO events (tenant_id, type, occurred_at, data, status,"
                        + " next_attempt_at, delivered_at) VALUES ('acme', 'whatsapp.change', :at, '{}', :status, :at,"
                        + " CASE WHEN :status = 'DELIVERED' THEN CAST(:at AS TIMESTAMPTZ) END)")
                .bind("at", TenantConfigRow.timestamp(at))
                .bind("status", status)
                .execute());
    }

    private void change(String tenant, Duration age) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_changes (received_at, dedupe_scope, dedupe_key,"
                        + " tenant_id, field, value, unroutable_reason) VALUES (:at, :scope, md5(random()::text),"
                        + " :tenant, 'messages', '{}', :reason)")
                .bind("at", TenantConfigRow.timestamp(NOW.minus(age)))
                .bind("scope", tenant == null ? "" : tenant)
                .bind("tenant", tenant)
                .bind("reason", tenant == null ? "nobody has it" : null)
                .execute());
    }

    private List<String> left(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void each_kind_is_deleted_after_its_own_age_and_pending_events_never() {
        event("DELIVERED", Duration.ofDays(8));
        event("DELIVERED", Duration.ofDays(6));
        event("DEAD", Duration.ofDays(31));
        event("DEAD", Duration.ofDays(29));
        event("PENDING", Duration.ofDays(40));
        change("acme", Duration.ofDays(8));
        change("acme", Duration.ofDays(6));
        change(null, Duration.ofDays(31));
        change(null, Duration.ofDays(8));

        Retention.Round round = new JdbiRetention(jdbi, SHIPPED, 10).removeExpired(NOW);

        assertThat(round).isEqualTo(new Retention.Round(1, 1, 2));
        assertThat(left("SELECT status || ' ' || extract(day FROM :now - occurred_at) FROM events ORDER BY id"
                        .replace(":now", "TIMESTAMPTZ '2026-12-07T12:00:00Z'")))
                .containsExactly("DELIVERED 6", "DEAD 29", "PENDING 40");
        assertThat(left("SELECT coalesce(tenant_id, 'nobody') || ' ' || extract(day FROM TIMESTAMPTZ"
                        + " '2026-12-07T12:00:00Z' - received_at) FROM webhook_changes ORDER BY id"))
                .containsExactly("acme 6", "nobody 8");
    }

    @Test
    void two_instances_at_once_share_the_deletion_and_delete_each_row_once() {
        jdbi.useHandle(h -> h.execute("INSERT INTO events (tenant_id, type, occurred_at, data, status,"
                + " next_attempt_at, delivered_at) SELECT 'acme', 'whatsapp.change', now() - interval '30 days', '{}',"
                + " 'DELIVERED', now(), TIMESTAMPTZ '2026-11-01T00:00:00Z' FROM generate_series(1, 5500)"));
        Retention one = new JdbiRetention(jdbi, SHIPPED, 100);
        Retention other = new JdbiRetention(jdbi, SHIPPED, 100);

        CompletableFuture<Retention.Round> first = CompletableFuture.supplyAsync(() -> one.removeExpired(NOW));
        CompletableFuture<Retention.Round> second = CompletableFuture.supplyAsync(() -> other.removeExpired(NOW));

        assertThat(first.join().deliveredEvents() + second.join().deliveredEvents())
                .isEqualTo(5500);
        assertThat(left("SELECT id::text FROM events")).isEmpty();
    }

    @Test
    void a_round_stops_after_its_most_batches_and_the_next_round_goes_on() {
        jdbi.useHandle(h -> h.execute("INSERT INTO events (tenant_id, type, occurred_at, data, status,"
                + " next_attempt_at, delivered_at) SELECT 'acme', 'whatsapp.change', now(), '{}', 'DELIVERED', now(),"
                + " TIMESTAMPTZ '2026-11-01T00:00:00Z' FROM generate_series(1, 2500)"));
        Retention twoBatches = new JdbiRetention(jdbi, SHIPPED, 2);

        assertThat(twoBatches.removeExpired(NOW).deliveredEvents()).isEqualTo(2000);
        assertThat(twoBatches.removeExpired(NOW).deliveredEvents()).isEqualTo(500);
    }
}
