package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored events and, per tenant, its delivery stream: whether it has events due, since when,
 * who holds it and how many deliveries in a row failed. A claim holds one tenant's stream for its
 * caller, so no two deliverers (threads or instances) ever deliver one tenant's events at once;
 * what a claim costs does not depend on how many events wait.
 */
public interface EventOutbox {

    /**
     * The tenant that has waited longest among those with events due and no holder (or a holder
     * whose hold expired), held for this caller until {@code heldUntil}, with its first pending
     * events in order (at most {@code limit}).
     */
    Optional<Claim> claimNext(Instant now, Instant heldUntil, int limit);

    /** The receiver accepted these events. */
    void delivered(List<Long> ids, Instant at);

    /** The receiver did not accept these events: each counts an attempt; those that occurred before {@code giveUpBefore} are dead letters. */
    void failed(List<Long> ids, String error, Instant giveUpBefore);

    /**
     * Gives the claimed stream back: due again at {@code nextAttempt} if the tenant still has
     * pending events (none: idle until it has), with {@code failures} deliveries in a row failed.
     * Nothing happens when the claim's hold expired and someone else holds the stream now.
     */
    void release(Claim claim, Instant nextAttempt, int failures);

    /** Every tenant waiting out a backoff is due at {@code now} (the receiver answers again); how many. */
    int retryWaiting(Instant now);

    /** How many events wait, and since when the oldest of them does (empty when none). */
    Backlog backlog();

    /** The newest events in {@code status} first: every tenant's, or only {@code tenant}'s. */
    List<OutboxEvent> list(OutboxEvent.Status status, Optional<TenantId> tenant, int limit);

    /** Delivers the event again, from the next round on, whatever its status. False when there is no such event. */
    boolean replay(long id, Instant now);

    /** One tenant's stream held by one caller ({@code holder}), with the events it is to deliver. */
    record Claim(TenantId tenant, String holder, int failures, List<OutboxEvent> events) {
        public Claim {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(holder, "holder");
            events = List.copyOf(events);
        }
    }

    record Backlog(long pending, Optional<Instant> oldestOccurredAt) {}
}
