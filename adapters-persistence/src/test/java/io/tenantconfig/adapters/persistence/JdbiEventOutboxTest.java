package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.port.out.JsonText;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox on PostgreSQL: one claim per event, in order per tenant, retries, dead letters, replay. */
class JdbiEventOutboxTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final JdbiEventOutbox outbox = new JdbiEventOutbox(jdbi);

    @BeforeEach
    void threeEvents() {
        jdbi.useHandle(h -> h.execute("TRUNCATE events RESTART IDENTITY"));
        for (String tenant : List.of("acme", "globex", "acme")) {
            jdbi.useHandle(h -> Outbox.insert(
                    h, new PlatformEvent("health.changed", TenantId.of(tenant), NOW, Map.of("state", "INVALID"))));
        }
    }

    @Test
    void metas_value_in_a_whatsapp_change_is_stored_as_the_json_it_was_not_as_a_string() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phone_number_id", "1065");
        data.put("waba_id", null);
        data.put("field", "messages");
        data.put("value", new JsonText("{\"messages\":[{\"id\":\"wamid.1\",\"text\":{\"body\":\"é \\\"q\\\"\"}}]}"));
        jdbi.useHandle(h ->
                Outbox.insert(h, new PlatformEvent(PlatformEvent.WHATSAPP_CHANGE, TenantId.of("initech"), NOW, data)));

        OutboxEvent stored =
                outbox.list(OutboxEvent.Status.PENDING, Optional.empty(), 1).get(0);
        assertThat(stored.dataJson())
                .isEqualTo("{\"phone_number_id\":\"1065\",\"waba_id\":null,\"field\":\"messages\","
                        + "\"value\":{\"messages\":[{\"id\":\"wamid.1\",\"text\":{\"body\":\"é \\\"q\\\"\"}}]}}");
    }

    @Test
    void a_claim_takes_each_tenants_due_events_in_order_and_holds_them() {
        List<OutboxEvent> first = outbox.claimDue(NOW, NOW.plusSeconds(60), 10);
        List<OutboxEvent> meanwhile = outbox.claimDue(NOW, NOW.plusSeconds(60), 10);

        assertThat(first).extracting(OutboxEvent::id).containsExactly(1L, 2L, 3L);
        assertThat(first.get(0).dataJson()).isEqualTo("{\"state\":\"INVALID\"}");
        assertThat(meanwhile).as("held: no one else gets these tenants' events").isEmpty();
        outbox.delivered(1, NOW);
        assertThat(outbox.claimDue(NOW, NOW.plusSeconds(60), 10))
                .as("acme's next is still held by the first claim")
                .isEmpty();
        assertThat(outbox.claimDue(NOW.plusSeconds(61), NOW.plusSeconds(120), 10))
                .as("a hold that ran out: delivered again, at least once")
                .extracting(OutboxEvent::id)
                .containsExactly(2L, 3L);
    }

    @Test
    void a_run_stops_before_an_event_that_is_not_due_and_never_skips_past_it() {
        for (int i = 0; i < 3; i++) {
            jdbi.useHandle(h -> Outbox.insert(
                    h, new PlatformEvent("whatsapp.change", TenantId.of("acme"), NOW, Map.of("n", "later"))));
        }
        // acme: 1, 3, 4, 5, 6; globex: 2. All claimed and held; 1 fails and is due again soon, its
        // deliverer gone before it gave the rest back.
        assertThat(outbox.claimDue(NOW, NOW.plusSeconds(60), 10))
                .extracting(OutboxEvent::id)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        outbox.failed(1, "the receiver answered HTTP 503", NOW.plusSeconds(5), false);

        assertThat(outbox.claimDue(NOW.plusSeconds(10), NOW.plusSeconds(70), 10))
                .as("1 is due again, 3 to 6 still held: 1 alone, nothing past 3")
                .extracting(OutboxEvent::id)
                .containsExactly(1L);
        outbox.delivered(1, NOW.plusSeconds(10));
        outbox.release(List.of(3L, 4L), NOW.plusSeconds(11));
        assertThat(outbox.claimDue(NOW.plusSeconds(12), NOW.plusSeconds(72), 10))
                .as("given back, 3 and 4 are due at once; 5 is still held")
                .extracting(OutboxEvent::id)
                .containsExactly(3L, 4L);
        assertThat(outbox.claimDue(NOW.plusSeconds(73), NOW.plusSeconds(130), 10))
                .extracting(OutboxEvent::id)
                .containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void a_claim_of_a_limited_size_takes_each_tenants_run_from_its_start() {
        for (int i = 0; i < 5; i++) {
            jdbi.useHandle(h -> Outbox.insert(
                    h, new PlatformEvent("whatsapp.change", TenantId.of("globex"), NOW, Map.of("n", "later"))));
        }
        assertThat(outbox.claimDue(NOW, NOW.plusSeconds(60), 4))
                .extracting(OutboxEvent::id)
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(outbox.claimDue(NOW.plusSeconds(61), NOW.plusSeconds(120), 100))
                .extracting(OutboxEvent::id)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void failures_are_retried_later_then_kept_as_dead_letters_that_can_be_replayed() {
        outbox.claimDue(NOW, NOW.plusSeconds(60), 10);
        outbox.failed(1, "the receiver answered HTTP 503", NOW.plus(Duration.ofMinutes(5)), false);
        outbox.failed(2, "the receiver answered HTTP 503", NOW.plus(Duration.ofMinutes(5)), true);

        assertThat(outbox.claimDue(NOW.plusSeconds(61), NOW.plusSeconds(120), 10))
                .isEmpty();
        assertThat(outbox.list(OutboxEvent.Status.DEAD, Optional.empty(), 10))
                .singleElement()
                .satisfies(dead -> {
                    assertThat(dead.id()).isEqualTo(2L);
                    assertThat(dead.attempts()).isEqualTo(1);
                    assertThat(dead.lastError()).isEqualTo("the receiver answered HTTP 503");
                });
        assertThat(outbox.replay(2, NOW)).isTrue();
        assertThat(outbox.replay(99, NOW)).isFalse();
        assertThat(outbox.claimDue(NOW.plusSeconds(1), NOW.plusSeconds(60), 10))
                .extracting(OutboxEvent::id)
                .containsExactly(2L);
    }

    @Test
    void a_list_can_hold_one_tenants_events_only_newest_first() {
        assertThat(outbox.list(OutboxEvent.Status.PENDING, Optional.of(TenantId.of("acme")), 10))
                .extracting(OutboxEvent::id)
                .containsExactly(3L, 1L);
        assertThat(outbox.list(OutboxEvent.Status.PENDING, Optional.of(TenantId.of("globex")), 10))
                .extracting(OutboxEvent::id)
                .containsExactly(2L);
        assertThat(outbox.list(OutboxEvent.Status.DEAD, Optional.of(TenantId.of("acme")), 10))
                .isEmpty();
        assertThat(outbox.list(OutboxEvent.Status.PENDING, Optional.empty(), 2))
                .extracting(OutboxEvent::id)
                .containsExactly(3L, 2L);
    }
}
