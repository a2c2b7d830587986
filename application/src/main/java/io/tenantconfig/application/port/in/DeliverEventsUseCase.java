package io.tenantconfig.application.port.in;

/**
 * One delivery round on this instance: each tenant's due events are sent to the platform in
 * order, as far as the first that fails; a failure is retried with exponential backoff (the
 * tenant's later events wait for it), and given up on (kept as a dead letter) once the event is
 * older than the retry period.
 */
public interface DeliverEventsUseCase {

    Round deliverDue();

    /**
     * What a round did; {@code more} when it took as many events as a round may, so that more
     * are probably due: the next round should start at once.
     */
    record Round(int delivered, int failed, int dead, boolean more) {}
}
