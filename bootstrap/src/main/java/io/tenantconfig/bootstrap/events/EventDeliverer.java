package io.tenantconfig.bootstrap.events;

import com.codahale.metrics.Meter;
import io.dropwizard.lifecycle.Managed;
import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a delivery round every {@code every} on a daemon thread; started and stopped with the server. */
public final class EventDeliverer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EventDeliverer.class);

    private final DeliverEventsUseCase deliver;
    private final Duration every;
    private final Meter delivered;
    private final Meter failed;
    private final Meter dead;
    private ScheduledExecutorService rounds;

    public EventDeliverer(DeliverEventsUseCase deliver, Duration every, Meter delivered, Meter failed, Meter dead) {
        this.deliver = deliver;
        this.every = every;
        this.delivered = delivered;
        this.failed = failed;
        this.dead = dead;
    }

    @Override
    public void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tenant-config-event-delivery");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            DeliverEventsUseCase.Round round = deliver.deliverDue();
            delivered.mark(round.delivered());
            failed.mark(round.failed());
            dead.mark(round.dead());
            if (round.dead() > 0) {
                LOG.warn(
                        "{} events could not be delivered for the retry period and are kept as dead letters",
                        round.dead());
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "Event delivery round failed ({}); the next one tries again",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
