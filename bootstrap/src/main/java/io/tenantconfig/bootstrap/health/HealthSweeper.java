package io.tenantconfig.bootstrap.health;

import com.codahale.metrics.Meter;
import io.tenantconfig.application.port.in.SweepHealthUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One sweep round on this instance, counted in the metrics; run by a {@code PeriodicTask}. */
public final class HealthSweeper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthSweeper.class);

    private final SweepHealthUseCase sweep;
    private final String instance;
    private final Meter checked;
    private final Meter failed;

    public HealthSweeper(SweepHealthUseCase sweep, String instance, Meter checked, Meter failed) {
        this.sweep = sweep;
        this.instance = instance;
        this.checked = checked;
        this.failed = failed;
    }

    @Override
    public void run() {
        SweepHealthUseCase.Round round = sweep.sweepOnce(instance);
        checked.mark(round.checked());
        failed.mark(round.failed());
        if (round.failed() > 0) {
            LOG.warn(
                    "Health sweep: {} of {} checks failed on our side; they are retried when their lease expires",
                    round.failed(),
                    round.leased());
        }
    }
}
