package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The events waiting to be delivered, shared by every instance through the database. A tenant's
 * due events are handed out as one run, in order, to one deliverer at a time, starting with its
 * oldest event that is neither delivered nor dead: the platform receives a tenant's events in
 * order, and a busy tenant's events go out many per round.
 */
public interface EventOutbox {

    /**
     * Up to {@code limit} due events, oldest first: for each tenant whose oldest pending event is
     * due, that event and the due ones after it, up to the first that is not due. All are held
     * for this caller until {@code heldUntil} (after that, another instance may deliver them: at
     * least once); while they are held, no one else is handed any event of their tenants.
     */
    List<OutboxEvent> claimDue(Instant now, Instant heldUntil, int limit);

    void delivered(long id, Instant at);

    /** A failed attempt: tried again at {@code next}, or kept as a dead letter when {@code dead}. */
    void failed(long id, String error, Instant next, boolean dead);

    /**
     * Gives back claimed events that were not attempted (an earlier event of their tenant
     * failed): due again at once, after that event, without counting an attempt.
     */
    void release(List<Long> ids, Instant now);

    /** The newest events in {@code status} first: every tenant's, or only {@code tenant}'s. */
    List<OutboxEvent> list(OutboxEvent.Status status, Optional<TenantId> tenant, int limit);

    /** Delivers the event again, from the next round on, whatever its status. False when there is no such event. */
    boolean replay(long id, Instant now);
}
