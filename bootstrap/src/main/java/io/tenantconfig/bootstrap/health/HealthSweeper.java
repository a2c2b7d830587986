package io.tenantconfig.bootstrap.health;

import com.codahale.metrics.Meter;
import io.dropwizard.lifecycle.Managed;
import io.tenantconfig.application.port.in.SweepHealthUseCase;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep round on this instance every {@code pollEvery}, on a daemon thread of its own: a
 * round that fails (the database is down) is logged and the next one tries again. Started and
 * stopped with the server.
 */
public final class HealthSweeper implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(HealthSweeper.class);

    private final SweepHealthUseCase sweep;
    private final String instance;
    private final Duration pollEvery;
    private final ExecutorService checks;
    private final Meter checked;
    private final Meter failed;
    private ScheduledExecutorService rounds;

    /** @param checks where the round's checks run; shut down with the sweeper */
    public HealthSweeper(
            SweepHealthUseCase sweep,
            String instance,
            Duration pollEvery,
            ExecutorService checks,
            Meter checked,
            Meter failed) {
        this.sweep = sweep;
        this.instance = instance;
        this.pollEvery = pollEvery;
        this.checks = checks;
        this.checked = checked;
        this.failed = failed;
    }

    @Override
    public void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tenant-config-health-sweep");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::round, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            SweepHealthUseCase.Round round = sweep.sweepOnce(instance);
            checked.mark(round.checked());
            failed.mark(round.failed());
            if (round.failed() > 0) {
                LOG.warn(
                        "Health sweep: {} of {} checks failed on our side; they are retried when their lease expires",
                        round.failed(),
                        round.leased());
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "Health sweep round failed ({}); the next one tries again",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds.awaitTermination(5, TimeUnit.SECONDS);
        }
        checks.shutdownNow();
    }
}
