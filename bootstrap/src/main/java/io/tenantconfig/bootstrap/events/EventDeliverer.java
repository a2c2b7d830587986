package io.tenantconfig.bootstrap.events;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's deliverers: {@code events.deliveriesInFlight} threads, each delivering one
 * tenant's batch after another as long as some tenant is due, and looking again every
 * {@code events.deliverEvery} when none is. Which tenant each takes is decided in PostgreSQL, so
 * the threads of every instance share the work and never deliver one tenant's events at once.
 */
public final class EventDeliverer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EventDeliverer.class);

    private final DeliverEventsUseCase deliver;
    private final int threads;
    private final Duration idleWait;
    private final Meter delivered;
    private final Meter failed;
    private final Meter dead;
    private final Meter posts;
    private final Histogram batchSizes;
    private final MetricRegistry metrics;
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    public EventDeliverer(DeliverEventsUseCase deliver, int threads, Duration idleWait, MetricRegistry metrics) {
        this.deliver = deliver;
        this.threads = threads;
        this.idleWait = idleWait;
        this.metrics = metrics;
        this.delivered = metrics.meter("tenant-config.events.delivered");
        this.failed = metrics.meter("tenant-config.events.failed");
        this.dead = metrics.meter("tenant-config.events.dead");
        this.posts = metrics.meter("tenant-config.events.requests");
        this.batchSizes = metrics.histogram("tenant-config.events.batch-size");
    }

    @Override
    public synchronized void start() {
        stopping = false;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::deliverWhileRunning, "tenant-config-event-delivery-" + i);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        stopping = true;
        running.forEach(Thread::interrupt);
        for (Thread thread : running) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
        running.clear();
    }

    private void deliverWhileRunning() {
        while (!stopping) {
            DeliverEventsUseCase.Round round;
            try {
                round = deliver.deliverNext();
            } catch (RuntimeException e) {
                LOG.warn(
                        "An event delivery failed ({}); trying again",
                        e.getClass().getSimpleName());
                round = DeliverEventsUseCase.Round.IDLE;
            }
            count(round);
            if (!round.claimed() && !pause()) {
                return;
            }
        }
    }

    private void count(DeliverEventsUseCase.Round round) {
        if (!round.claimed()) {
            return;
        }
        delivered.mark(round.delivered());
        failed.mark(round.failed());
        dead.mark(round.dead());
        posts.mark(round.posts());
        batchSizes.update(round.delivered() + round.failed());
        if (round.failureStatus() >= 0) {
            String status = round.failureStatus() == 0 ? "no-answer" : Integer.toString(round.failureStatus());
            metrics.meter("tenant-config.events.failures." + status).mark();
        }
        if (round.dead() > 0) {
            LOG.warn(
                    "{} events could not be delivered for the retry period and are kept as dead letters", round.dead());
        }
    }

    /** Waits before looking again; false when the instance is stopping. */
    private boolean pause() {
        try {
            Thread.sleep(idleWait.toMillis());
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
