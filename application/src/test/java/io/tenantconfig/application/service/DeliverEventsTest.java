package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's delivery rules over the in-memory store: in order per tenant, retried, given up, replayed. */
class DeliverEventsTest {

    /** The platform's receiver: accepts or refuses as told, and notes what it accepted. */
    private final List<String> received = new ArrayList<>();

    private boolean receiverUp = true;
    /** The most events the receiver takes in one request; more is answered 413. */
    private int receiverTakesAtMost = Integer.MAX_VALUE;
    /** Each request the receiver got: how many events it carried. */
    private final List<Integer> requests = new ArrayList<>();

    private final EventSink sink = events -> {
        requests.add(events.size());
        if (!receiverUp) {
            throw new EventSink.DeliveryFailedException("the receiver answered HTTP 503", 503);
        }
        if (events.size() > receiverTakesAtMost) {
            throw new EventSink.DeliveryFailedException("the receiver answered HTTP 413", 413);
        }
        events.forEach(event -> received.add(event.id() + " " + event.tenantId().value() + " " + event.type()));
    };

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final EventsFeature events = new EventsFeature(
            store,
            sink,
            new DeliveryPolicy(
                    10, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(7)),
            clock);

    @BeforeEach
    void threeEventsOfTwoTenants() {
        for (String tenant : List.of("acme", "globex")) {
            store.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
        publish("acme", "health.changed");
        publish("globex", "health.changed");
        publish("acme", "token.refreshed");
    }

    private void publish(String tenant, String type) {
        store.inTransaction(tx -> {
            tx.publish(new PlatformEvent(type, TenantId.of(tenant), clock.instant(), Map.of("state", "HEALTHY")));
            return null;
        });
    }

    private DeliverEventsUseCase.Round deliver() {
        return events.deliverEvents().deliverNext();
    }

    @Test
    void each_call_delivers_one_tenants_due_events_in_one_request_the_longest_waiting_tenant_first() {
        DeliverEventsUseCase.Round first = deliver();
        DeliverEventsUseCase.Round second = deliver();
        DeliverEventsUseCase.Round third = deliver();

        assertThat(first.delivered()).as("acme's two events, in order").isEqualTo(2);
        assertThat(second.delivered()).as("then globex's").isEqualTo(1);
        assertThat(third).isEqualTo(DeliverEventsUseCase.Round.IDLE);
        assertThat(requests).containsExactly(2, 1);
        assertThat(received)
                .containsExactly("1 acme health.changed", "3 acme token.refreshed", "2 globex health.changed");
    }

    @Test
    void a_busy_tenants_backlog_goes_out_a_full_batch_at_a_time_in_order() {
        for (int i = 0; i < 22; i++) {
            publish("acme", "whatsapp.change");
        }
        while (deliver().claimed()) {
            // until nothing is due
        }

        assertThat(requests).containsExactly(10, 1, 10, 4);
        List<Long> ids = received.stream()
                .filter(line -> line.contains(" acme "))
                .map(line -> Long.parseLong(line.split(" ")[0]))
                .toList();
        assertThat(ids).hasSize(24).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_refused_batch_is_retried_whole_after_its_backoff_and_nothing_later_of_the_tenant_overtakes_it() {
        receiverUp = false;
        DeliverEventsUseCase.Round refused = deliver();
        publish("acme", "later.event");
        deliver();
        receiverUp = true;
        DeliverEventsUseCase.Round tooEarly = deliver();
        clock.advance(Duration.ofSeconds(11));
        DeliverEventsUseCase.Round retried = deliver();
        deliver();

        assertThat(refused.failed()).isEqualTo(2);
        assertThat(tooEarly).isEqualTo(DeliverEventsUseCase.Round.IDLE);
        assertThat(retried.delivered()).isEqualTo(3);
        assertThat(received)
                .containsExactly(
                        "1 acme health.changed",
                        "3 acme token.refreshed",
                        "4 acme later.event",
                        "2 globex health.changed");
    }

    @Test
    void once_the_receiver_answers_again_every_tenant_waiting_out_a_backoff_is_due_at_once() {
        receiverUp = false;
        deliver();
        deliver();
        clock.advance(Duration.ofSeconds(10));
        deliver();
        receiverUp = true;
        clock.advance(Duration.ofSeconds(10));

        assertThat(deliver().delivered())
                .as("globex's first retry, 10 s after its failure")
                .isEqualTo(1);
        assertThat(deliver().delivered())
                .as("acme was to wait 20 s after its second failure; the receiver is back, so it does not")
                .isEqualTo(2);
    }

    @Test
    void a_batch_the_receiver_finds_too_large_is_split_in_halves_down_to_one_in_order() {
        for (int i = 0; i < 7; i++) {
            publish("acme", "whatsapp.change");
        }
        receiverTakesAtMost = 2;

        DeliverEventsUseCase.Round round = deliver();

        assertThat(round.delivered()).isEqualTo(9);
        assertThat(round.failed()).isZero();
        assertThat(requests).containsExactly(9, 4, 2, 2, 5, 2, 3, 1, 2);
        List<Long> ids = received.stream()
                .map(line -> Long.parseLong(line.split(" ")[0]))
                .toList();
        assertThat(ids).isSorted().hasSize(9);
        receiverTakesAtMost = 0;
        publish("acme", "one.more");
        DeliverEventsUseCase.Round tooLargeEvenAlone = deliver();
        assertThat(tooLargeEvenAlone.failed())
                .as("one event refused as too large counts as failed")
                .isEqualTo(1);
    }

    @Test
    void an_event_undelivered_for_seven_days_is_a_dead_letter_that_an_admin_can_replay() {
        receiverUp = false;
        int givenUp = 0;
        for (int i = 0;
                i < 4_200
                        && store.list(OutboxEvent.Status.DEAD, Optional.empty(), 10)
                                        .size()
                                < 3;
                i++) {
            givenUp += deliver().dead();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(givenUp).as("each round counts the events it gave up on").isEqualTo(3);
        List<OutboxEvent> dead = events.eventsAdmin().list(OutboxEvent.Status.DEAD, Optional.empty(), 10);

        assertThat(dead).extracting(OutboxEvent::id).containsExactly(3L, 2L, 1L);
        assertThat(dead.get(0).lastError()).isEqualTo("the receiver answered HTTP 503");
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        receiverUp = true;
        assertThat(events.eventsAdmin().replay(2)).isTrue();
        assertThat(events.eventsAdmin().replay(99)).isFalse();
        assertThat(deliver().delivered()).isEqualTo(1);
        assertThat(received).containsExactly("2 globex health.changed");
    }

    @Test
    void while_one_caller_holds_a_tenant_no_other_is_handed_its_events() {
        EventOutbox outbox = store;
        Instant now = clock.instant();

        Optional<EventOutbox.Claim> first = outbox.claimNext(now, now.plusSeconds(60), 10);
        Optional<EventOutbox.Claim> second = outbox.claimNext(now, now.plusSeconds(60), 10);
        Optional<EventOutbox.Claim> third = outbox.claimNext(now, now.plusSeconds(60), 10);
        Optional<EventOutbox.Claim> afterTheHold = outbox.claimNext(now.plusSeconds(61), now.plusSeconds(120), 10);

        assertThat(first).get().extracting(EventOutbox.Claim::tenant).isEqualTo(TenantId.of("acme"));
        assertThat(second).get().extracting(EventOutbox.Claim::tenant).isEqualTo(TenantId.of("globex"));
        assertThat(third).isEmpty();
        assertThat(afterTheHold)
                .as("a hold that expired (its holder died): another takes over")
                .isPresent();
        outbox.release(first.get(), now, 0);
        assertThat(outbox.claimNext(now.plusSeconds(61), now.plusSeconds(120), 10))
                .as("a release by a holder whose hold expired changes nothing")
                .get()
                .extracting(EventOutbox.Claim::tenant)
                .isEqualTo(TenantId.of("globex"));
    }

    @Test
    void the_backoff_doubles_up_to_its_ceiling() {
        DeliveryPolicy policy = new DeliveryPolicy(
                10, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofDays(7));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void each_failed_delivery_of_a_tenant_waits_longer_than_the_one_before() {
        publish("acme", "only.acme");
        receiverUp = false;
        deliver();
        deliver();
        clock.advance(Duration.ofSeconds(10));
        DeliverEventsUseCase.Round second = deliver();
        deliver();
        clock.advance(Duration.ofSeconds(19));
        DeliverEventsUseCase.Round tooEarly = deliver();
        clock.advance(Duration.ofSeconds(1));
        DeliverEventsUseCase.Round third = deliver();

        assertThat(second.failed()).isEqualTo(3);
        assertThat(tooEarly).as("the second failure waits 20 s").isEqualTo(DeliverEventsUseCase.Round.IDLE);
        assertThat(third.failed()).isEqualTo(3);
    }

    @Test
    void the_delivery_policy_refuses_an_empty_batch_and_its_backoff_stops_at_the_ceiling() {
        DeliveryPolicy policy = new DeliveryPolicy(
                1, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofDays(7));

        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(new DeliveryPolicy(
                                1,
                                Duration.ofMinutes(1),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(15),
                                Duration.ofDays(7))
                        .backoff(2))
                .isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> new DeliveryPolicy(
                        0, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
