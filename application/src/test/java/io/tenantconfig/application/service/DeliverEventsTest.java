package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import io.tenantconfig.application.port.in.UseCases;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's delivery rules over the in-memory store: in order per tenant, retried, given up, replayed. */
class DeliverEventsTest {

    /** The platform's receiver: accepts or refuses as told, and notes what it accepted. */
    private final List<String> received = new ArrayList<>();

    private boolean receiverUp = true;
    private final EventSink sink = event -> {
        if (!receiverUp) {
            throw new EventSink.DeliveryFailedException("the receiver answered HTTP 503");
        }
        received.add(event.id() + " " + event.tenantId().value() + " " + event.type());
    };

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final UseCases useCases = Services.wire(
            new Services.Ports(
                    store,
                    store,
                    store,
                    store,
                    new ScriptedMetaOnboarding(),
                    variable -> Optional.empty(),
                    store,
                    new ScriptedMetaHealth(),
                    store,
                    store,
                    store,
                    sink,
                    store,
                    store,
                    store),
            new Services.Settings(
                    OnboardingPolicy.DEFAULT,
                    50,
                    HealthPolicy.DEFAULT,
                    SweepPolicy.DEFAULT,
                    new DeliveryPolicy(
                            10,
                            Duration.ofMinutes(1),
                            Duration.ofSeconds(10),
                            Duration.ofMinutes(5),
                            Duration.ofDays(7))),
            Runnable::run,
            new ResolutionCounter(),
            new SplittableRandom(1),
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

    @Test
    void events_are_delivered_once_each_in_order_per_tenant() {
        DeliverEventsUseCase.Round first = useCases.deliverEvents().deliverDue();
        DeliverEventsUseCase.Round second = useCases.deliverEvents().deliverDue();
        DeliverEventsUseCase.Round third = useCases.deliverEvents().deliverDue();

        assertThat(first.delivered()).as("each tenant's due events, in order").isEqualTo(3);
        assertThat(first.more()).as("fewer than a round may take").isFalse();
        assertThat(second.delivered()).isZero();
        assertThat(third.delivered()).isZero();
        assertThat(received)
                .containsExactly("1 acme health.changed", "2 globex health.changed", "3 acme token.refreshed");
    }

    @Test
    void a_busy_tenants_backlog_goes_out_a_full_round_at_a_time_in_order() {
        for (int i = 0; i < 22; i++) {
            publish("acme", "whatsapp.change");
        }
        DeliverEventsUseCase.Round first = useCases.deliverEvents().deliverDue();
        DeliverEventsUseCase.Round second = useCases.deliverEvents().deliverDue();
        DeliverEventsUseCase.Round third = useCases.deliverEvents().deliverDue();

        assertThat(first.delivered()).isEqualTo(10);
        assertThat(first.more()).as("a full round: the next starts at once").isTrue();
        assertThat(second.delivered()).isEqualTo(10);
        assertThat(third.delivered()).isEqualTo(5);
        assertThat(third.more()).isFalse();
        List<Long> ids = received.stream()
                .map(line -> Long.parseLong(line.split(" ")[0]))
                .toList();
        assertThat(ids).hasSize(25).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_refused_delivery_is_retried_after_its_backoff_and_nothing_later_of_the_tenant_overtakes_it() {
        receiverUp = false;
        DeliverEventsUseCase.Round refused = useCases.deliverEvents().deliverDue();
        receiverUp = true;
        DeliverEventsUseCase.Round tooEarly = useCases.deliverEvents().deliverDue();
        clock.advance(Duration.ofSeconds(11));
        useCases.deliverEvents().deliverDue();
        useCases.deliverEvents().deliverDue();

        assertThat(refused.failed()).isEqualTo(2);
        assertThat(tooEarly.delivered()).isZero();
        assertThat(received)
                .containsExactly("1 acme health.changed", "2 globex health.changed", "3 acme token.refreshed");
    }

    @Test
    void an_event_undelivered_for_seven_days_is_a_dead_letter_that_an_admin_can_replay() {
        receiverUp = false;
        int givenUp = 0;
        for (int i = 0;
                i < 2_100
                        && store.list(OutboxEvent.Status.DEAD, Optional.empty(), 10)
                                        .size()
                                < 3;
                i++) {
            givenUp += useCases.deliverEvents().deliverDue().dead();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(givenUp).as("each round counts the events it gave up on").isEqualTo(3);
        List<OutboxEvent> dead = useCases.eventsAdmin().list(OutboxEvent.Status.DEAD, Optional.empty(), 10);

        assertThat(dead).extracting(OutboxEvent::id).containsExactly(3L, 2L, 1L);
        assertThat(dead.get(0).lastError()).isEqualTo("the receiver answered HTTP 503");
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        receiverUp = true;
        assertThat(useCases.eventsAdmin().replay(2)).isTrue();
        assertThat(useCases.eventsAdmin().replay(99)).isFalse();
        assertThat(useCases.deliverEvents().deliverDue().delivered()).isEqualTo(1);
        assertThat(received).containsExactly("2 globex health.changed");
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
    void each_failed_attempt_waits_longer_than_the_one_before() {
        receiverUp = false;
        useCases.deliverEvents().deliverDue();
        clock.advance(Duration.ofSeconds(10));
        DeliverEventsUseCase.Round second = useCases.deliverEvents().deliverDue();
        clock.advance(Duration.ofSeconds(19));
        DeliverEventsUseCase.Round tooEarly = useCases.deliverEvents().deliverDue();
        clock.advance(Duration.ofSeconds(1));
        DeliverEventsUseCase.Round third = useCases.deliverEvents().deliverDue();

        assertThat(second.failed()).isEqualTo(2);
        assertThat(tooEarly.failed()).as("the second failure waits 20 s").isZero();
        assertThat(third.failed()).isEqualTo(2);
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
