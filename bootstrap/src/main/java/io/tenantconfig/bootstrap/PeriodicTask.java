package io.tenantconfig.bootstrap;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code round} every {@code every} (after the previous one finished) on a daemon thread of
 * its own, started and stopped with the server. A round that throws is logged by its class name
 * only (the message may quote data) and the next one runs as planned.
 */
public final class PeriodicTask implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration every;
    private final Runnable round;
    private ScheduledExecutorService thread;

    public PeriodicTask(String name, Duration every, Runnable round) {
        this.name = name;
        this.every = every;
        this.round = round;
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.warn(
                    "{}: a round failed ({}); the next one tries again",
                    name,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (thread != null) {
            thread.shutdownNow();
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
