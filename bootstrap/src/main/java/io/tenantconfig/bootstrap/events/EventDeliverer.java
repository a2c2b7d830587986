package io.tenantconfig.bootstrap.events;

import com.codahale.metrics.Meter;
import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivery rounds on this instance, counted in the metrics; run by a {@code PeriodicTask}. */
public final class EventDeliverer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDeliverer.class);

    private final DeliverEventsUseCase deliver;
    private final Meter delivered;
    private final Meter failed;
    private final Meter dead;

    public EventDeliverer(DeliverEventsUseCase deliver, Meter delivered, Meter failed, Meter dead) {
        this.deliver = deliver;
        this.delivered = delivered;
        this.failed = failed;
        this.dead = dead;
    }

    /** Rounds until one takes fewer events than a round may: a backlog is worked off at once, not a round a second. */
    @Override
    public void run() {
        DeliverEventsUseCase.Round round;
        do {
            round = deliver.deliverDue();
            delivered.mark(round.delivered());
            failed.mark(round.failed());
            dead.mark(round.dead());
            if (round.dead() > 0) {
                LOG.warn(
                        "{} events could not be delivered for the retry period and are kept as dead letters",
                        round.dead());
            }
        } while (round.more()
                && round.delivered() > 0
                && !Thread.currentThread().isInterrupted());
    }
}
