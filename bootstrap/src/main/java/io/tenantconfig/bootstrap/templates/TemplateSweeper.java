package io.tenantconfig.bootstrap.templates;

import com.codahale.metrics.Meter;
import io.tenantconfig.application.port.in.SweepTemplatesUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One round of the template sweep on this instance, counted in the metrics; run by a {@code PeriodicTask}. */
public final class TemplateSweeper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateSweeper.class);

    private final SweepTemplatesUseCase sweep;
    private final String instance;
    private final Meter read;
    private final Meter failed;

    public TemplateSweeper(SweepTemplatesUseCase sweep, String instance, Meter read, Meter failed) {
        this.sweep = sweep;
        this.instance = instance;
        this.read = read;
        this.failed = failed;
    }

    @Override
    public void run() {
        SweepTemplatesUseCase.Round round = sweep.sweepOnce(instance);
        read.mark(round.read());
        failed.mark(round.failed());
        if (round.failed() > 0) {
            LOG.warn(
                    "Template sweep: {} of {} catalogue reads failed; each keeps its last catalogue and is tried again",
                    round.failed(),
                    round.leased());
        }
    }
}
