package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.EventOutbox.Claim;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.EventSink.DeliveryFailedException;
import io.tenantconfig.application.port.out.OutboxEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One delivery: the tenant that has waited longest is claimed (no one else delivers its events
 * meanwhile), its first pending events go to the receiver in one signed request, and the stream
 * is given back, due again at once when events remain, or after a backoff that doubles with each
 * failure in a row. A success after failures makes every tenant waiting out a backoff due again,
 * so a receiver that was down gets its whole backlog as soon as it answers.
 */
final class DeliverEventsService implements DeliverEventsUseCase {

    private final EventOutbox outbox;
    private final EventSink sink;
    private final DeliveryPolicy policy;
    private final Clock clock;
    /**
     * A delivery failed since the last one that succeeded (or none succeeded yet since this
     * instance started: tenants may wait out a backoff from before): the next success makes every
     * waiting tenant due.
     */
    private final AtomicBoolean receiverFailing = new AtomicBoolean(true);

    DeliverEventsService(EventOutbox outbox, EventSink sink, DeliveryPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.sink = sink;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Round deliverNext() {
        Instant now = clock.instant();
        Optional<Claim> claimed = outbox.claimNext(now, now.plus(policy.hold()), policy.batch());
        if (claimed.isEmpty()) {
            return Round.IDLE;
        }
        Claim claim = claimed.get();
        Outcome outcome = deliverInOrder(claim.events());
        Instant at = clock.instant();
        if (!outcome.accepted().isEmpty()) {
            outbox.delivered(ids(outcome.accepted()), at);
        }
        if (outcome.failure() == null) {
            outbox.release(claim, at, 0);
            if (receiverFailing.compareAndSet(true, false)) {
                // The receiver answers again: tenants waiting out a backoff need not wait longer.
                outbox.retryWaiting(at);
            }
            return new Round(outcome.accepted().size(), 0, 0, outcome.posts(), true, -1);
        }
        receiverFailing.set(true);
        List<OutboxEvent> refused =
                claim.events().subList(outcome.accepted().size(), claim.events().size());
        Instant giveUpBefore = at.minus(policy.giveUpAfter());
        outbox.failed(ids(refused), outcome.failure().getMessage(), giveUpBefore);
        int dead = (int) refused.stream()
                .filter(event -> !event.occurredAt().isAfter(giveUpBefore))
                .count();
        int failures = claim.failures() + 1;
        outbox.release(claim, at.plus(policy.backoff(failures)), failures);
        return new Round(
                outcome.accepted().size(),
                refused.size(),
                dead,
                outcome.posts(),
                true,
                outcome.failure().status());
    }

    /** What became of a claim's events: those accepted (always the first ones), and why the rest were not. */
    private record Outcome(List<OutboxEvent> accepted, DeliveryFailedException failure, int posts) {}

    /**
     * Delivers the events in order, all in one request; a request the receiver finds too large
     * (413) is split in halves, down to one event, before it counts as failed. Stops at the first
     * refusal: nothing after it is sent, so no event overtakes an earlier one of its tenant.
     */
    private Outcome deliverInOrder(List<OutboxEvent> events) {
        List<OutboxEvent> accepted = new ArrayList<>();
        Deque<List<OutboxEvent>> pieces = new ArrayDeque<>();
        pieces.push(events);
        int posts = 0;
        while (!pieces.isEmpty()) {
            List<OutboxEvent> piece = pieces.pop();
            posts++;
            try {
                sink.deliver(piece);
                accepted.addAll(piece);
            } catch (DeliveryFailedException e) {
                if (e.tooLarge() && piece.size() > 1) {
                    int half = piece.size() / 2;
                    pieces.push(piece.subList(half, piece.size()));
                    pieces.push(piece.subList(0, half));
                    continue;
                }
                return new Outcome(accepted, e, posts);
            }
        }
        return new Outcome(accepted, null, posts);
    }

    private static List<Long> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }
}
