package io.tenantconfig.bootstrap.events;

import com.codahale.metrics.Meter;
import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One delivery round on this instance, counted in the metrics; run by a {@code PeriodicTask}. */
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

    @Override
    public void run() {
        DeliverEventsUseCase.Round round = deliver.deliverDue();
        delivered.mark(round.delivered());
        failed.mark(round.failed());
        dead.mark(round.dead());
        if (round.dead() > 0) {
            LOG.warn(
                    "{} events could not be delivered for the retry period and are kept as dead letters", round.dead());
        }
    }
}
