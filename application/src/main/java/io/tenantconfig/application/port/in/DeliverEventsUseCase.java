package io.tenantconfig.application.port.in;

/**
 * One delivery round on this instance: the due events, oldest of each tenant first, are sent to
 * the platform; a failure is retried with exponential backoff, and given up on (kept as a dead
 * letter) once the event is older than the retry period.
 */
public interface DeliverEventsUseCase {

    Round deliverDue();

    /** What a round did. */
    record Round(int delivered, int failed, int dead) {}
}
