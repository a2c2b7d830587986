package io.tenantconfig.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * The events waiting to be delivered, shared by every instance through the database. An event is
 * handed to one deliverer at a time, and only when every earlier event of its tenant is delivered
 * or dead: the platform receives a tenant's events in order.
 */
public interface EventOutbox {

    /**
     * Up to {@code limit} due events, each the oldest pending event of its tenant, held for this
     * caller until {@code heldUntil} (after that, another instance may deliver it: at least once).
     */
    List<OutboxEvent> claimDue(Instant now, Instant heldUntil, int limit);

    void delivered(long id, Instant at);

    /** A failed attempt: tried again at {@code next}, or kept as a dead letter when {@code dead}. */
    void failed(long id, String error, Instant next, boolean dead);

    /** The newest events in {@code status} first. */
    List<OutboxEvent> list(OutboxEvent.Status status, int limit);

    /** Delivers the event again, from the next round on, whatever its status. False when there is no such event. */
    boolean replay(long id, Instant now);
}
