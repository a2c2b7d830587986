package io.tenantconfig.application.port.in;

/**
 * Delivers stored events to the platform's receiver, one tenant at a time per call: callers (any
 * number of threads, on any number of instances) share the work through the outbox, and a
 * tenant's events are only ever delivered by one of them at a time, in the order they were stored.
 */
public interface DeliverEventsUseCase {

    /** Claims the next tenant whose events are due and delivers a batch of them; {@link Round#IDLE} when none is due. */
    Round deliverNext();

    /**
     * What one call did: the events the receiver accepted, those it did not (of which dead: given
     * up on), the requests it took ({@code posts}: more than one when the receiver answered 413 and
     * the batch was split), whether a tenant was claimed at all (false: nothing was due), and the
     * receiver's answer to the request that failed ({@code failureStatus}: its HTTP status, 0 for
     * none, -1 when nothing failed).
     */
    record Round(int delivered, int failed, int dead, int posts, boolean claimed, int failureStatus) {

        public static final Round IDLE = new Round(0, 0, 0, 0, false, -1);
    }
}
