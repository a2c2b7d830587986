package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.port.out.EventOutbox;
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
import java.util.concurrent.atomic.AtomicBoolean;
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
        jdbi.useHandle(h -> h.execute("TRUNCATE events, event_streams RESTART IDENTITY"));
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

    private void publish(String tenant, Instant at) {
        jdbi.useHandle(h ->
                Outbox.insert(h, new PlatformEvent("whatsapp.change", TenantId.of(tenant), at, Map.of("n", "later"))));
    }

    private static List<Long> ids(Optional<EventOutbox.Claim> claim) {
        return claim.orElseThrow().events().stream().map(OutboxEvent::id).toList();
    }

    @Test
    void a_claim_holds_the_tenant_due_longest_with_its_pending_events_in_order() {
        Optional<EventOutbox.Claim> first = outbox.claimNext(NOW, NOW.plusSeconds(60), 10);
        Optional<EventOutbox.Claim> second = outbox.claimNext(NOW, NOW.plusSeconds(60), 10);
        Optional<EventOutbox.Claim> meanwhile = outbox.claimNext(NOW, NOW.plusSeconds(60), 10);

        assertThat(first).get().extracting(EventOutbox.Claim::tenant).isEqualTo(TenantId.of("acme"));
        assertThat(ids(first)).containsExactly(1L, 3L);
        assertThat(first.get().events().get(0).dataJson()).isEqualTo("{\"state\":\"INVALID\"}");
        assertThat(ids(second)).containsExactly(2L);
        assertThat(meanwhile).as("held: no one else gets these tenants' events").isEmpty();
        assertThat(outbox.claimNext(NOW.plusSeconds(61), NOW.plusSeconds(120), 10))
                .as("a hold that ran out (its deliverer died): delivered again, at least once")
                .isPresent();
    }

    @Test
    void a_claim_of_a_limited_size_takes_the_first_pending_events_and_the_rest_are_due_at_once_after() {
        for (int i = 0; i < 5; i++) {
            publish("acme", NOW);
        }
        Optional<EventOutbox.Claim> first = outbox.claimNext(NOW, NOW.plusSeconds(60), 4);
        outbox.delivered(ids(first), NOW.plusSeconds(1));
        outbox.release(first.get(), NOW.plusSeconds(1), 0);

        assertThat(ids(first)).containsExactly(1L, 3L, 4L, 5L);
        assertThat(ids(outbox.claimNext(NOW.plusSeconds(1), NOW.plusSeconds(60), 100)))
                .as("globex waited longer than acme, which was given back just now")
                .containsExactly(2L);
        assertThat(ids(outbox.claimNext(NOW.plusSeconds(1), NOW.plusSeconds(60), 100)))
                .containsExactly(6L, 7L, 8L);
    }

    @Test
    void a_stream_given_back_empty_is_idle_until_an_event_arrives_and_one_in_backoff_keeps_its_time() {
        Optional<EventOutbox.Claim> acme = outbox.claimNext(NOW, NOW.plusSeconds(60), 10);
        outbox.delivered(ids(acme), NOW);
        outbox.release(acme.get(), NOW, 0);
        Optional<EventOutbox.Claim> globex = outbox.claimNext(NOW, NOW.plusSeconds(60), 10);
        outbox.failed(ids(globex), "the receiver answered HTTP 503", NOW.minus(Duration.ofDays(7)));
        outbox.release(globex.get(), NOW.plusSeconds(300), 1);

        assertThat(outbox.claimNext(NOW.plusSeconds(1), NOW.plusSeconds(60), 10))
                .isEmpty();
        publish("acme", NOW.plusSeconds(2));
        publish("globex", NOW.plusSeconds(2));
        Optional<EventOutbox.Claim> next = outbox.claimNext(NOW.plusSeconds(3), NOW.plusSeconds(60), 10);
        assertThat(next).get().extracting(EventOutbox.Claim::tenant).isEqualTo(TenantId.of("acme"));
        assertThat(ids(next)).containsExactly(4L);
        assertThat(outbox.claimNext(NOW.plusSeconds(3), NOW.plusSeconds(60), 10))
                .as("globex waits out its backoff")
                .isEmpty();
        assertThat(outbox.retryWaiting(NOW.plusSeconds(4))).isEqualTo(1);
        Optional<EventOutbox.Claim> retried = outbox.claimNext(NOW.plusSeconds(4), NOW.plusSeconds(60), 10);
        assertThat(retried).get().extracting(EventOutbox.Claim::failures).isEqualTo(1);
        assertThat(ids(retried)).containsExactly(2L, 5L);
    }

    @Test
    void a_release_by_a_deliverer_whose_hold_ran_out_leaves_the_new_holders_stream_alone() {
        Optional<EventOutbox.Claim> stale = outbox.claimNext(NOW, NOW.plusSeconds(60), 10);
        Optional<EventOutbox.Claim> current = outbox.claimNext(NOW.plusSeconds(61), NOW.plusSeconds(120), 10);
        assertThat(current)
                .get()
                .extracting(EventOutbox.Claim::tenant)
                .isEqualTo(stale.get().tenant());

        outbox.release(stale.get(), NOW.plusSeconds(61), 0);

        assertThat(outbox.claimNext(NOW.plusSeconds(62), NOW.plusSeconds(120), 10))
                .as("acme is still held by the current holder; globex is next")
                .get()
                .extracting(EventOutbox.Claim::tenant)
                .isEqualTo(TenantId.of("globex"));
    }

    @Test
    void events_added_while_a_stream_is_given_back_are_never_left_without_a_due_stream() throws Exception {
        jdbi.useHandle(h -> h.execute("TRUNCATE events, event_streams RESTART IDENTITY"));
        AtomicBoolean adding = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 400; i++) {
                publish("busy", NOW);
            }
            adding.set(false);
        });
        writer.start();
        int delivered = 0;
        while (adding.get() || delivered < 400) {
            Optional<EventOutbox.Claim> claim = outbox.claimNext(NOW, NOW.plusSeconds(60), 7);
            if (claim.isEmpty()) {
                if (!adding.get()) {
                    break;
                }
                continue;
            }
            outbox.delivered(ids(claim), NOW);
            delivered += claim.get().events().size();
            outbox.release(claim.get(), NOW, 0);
        }
        writer.join();

        assertThat(delivered)
                .as("every event added was claimed: no stream went idle with events waiting")
                .isEqualTo(400);
        assertThat(outbox.backlog().pending()).isZero();
    }

    @Test
    void failures_count_an_attempt_and_old_events_become_dead_letters_that_can_be_replayed() {
        Optional<EventOutbox.Claim> acme = outbox.claimNext(NOW, NOW.plusSeconds(60), 10);
        outbox.failed(List.of(1L), "the receiver answered HTTP 503", NOW.minus(Duration.ofDays(7)));
        outbox.failed(List.of(3L), "the receiver answered HTTP 503", NOW);
        outbox.release(acme.get(), NOW.plusSeconds(10), 1);

        assertThat(outbox.list(OutboxEvent.Status.DEAD, Optional.empty(), 10))
                .singleElement()
                .satisfies(dead -> {
                    assertThat(dead.id()).isEqualTo(3L);
                    assertThat(dead.attempts()).isEqualTo(1);
                    assertThat(dead.lastError()).isEqualTo("the receiver answered HTTP 503");
                });
        assertThat(outbox.backlog()).isEqualTo(new EventOutbox.Backlog(2, Optional.of(NOW)));
        assertThat(outbox.replay(3, NOW)).isTrue();
        assertThat(outbox.replay(99, NOW)).isFalse();
        assertThat(ids(outbox.claimNext(NOW.plusSeconds(11), NOW.plusSeconds(60), 10)))
                .as("globex, due since NOW")
                .containsExactly(2L);
        assertThat(ids(outbox.claimNext(NOW.plusSeconds(11), NOW.plusSeconds(60), 10)))
                .as("acme after its backoff, the replayed dead letter in its place")
                .containsExactly(1L, 3L);
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
