package io.tenantconfig.bootstrap.coexistence;

import com.codahale.metrics.Meter;
import io.tenantconfig.application.port.in.SyncAppDataUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of coexistence syncs on this instance: every sync due now, one after another, counted
 * in the metrics; run by a {@code PeriodicTask}. Which sync each instance takes is decided in
 * PostgreSQL, so instances share the work and never work on one number at once.
 */
public final class AppDataSyncer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AppDataSyncer.class);

    /** Syncs one round takes at most, so that a stopping instance is not held long. */
    private static final int MOST_PER_ROUND = 100;

    private final SyncAppDataUseCase sync;
    private final Meter accepted;
    private final Meter failed;
    private final Meter expired;

    public AppDataSyncer(SyncAppDataUseCase sync, Meter accepted, Meter failed, Meter expired) {
        this.sync = sync;
        this.accepted = accepted;
        this.failed = failed;
        this.expired = expired;
    }

    @Override
    public void run() {
        for (int i = 0; i < MOST_PER_ROUND && !Thread.currentThread().isInterrupted(); i++) {
            SyncAppDataUseCase.Round round = sync.syncNext();
            if (!round.claimed()) {
                return;
            }
            accepted.mark(round.accepted());
            failed.mark(round.failed());
            if (round.failed() > 0) {
                LOG.warn("Coexistence sync: Meta did not accept a request; it is tried again after a backoff");
            }
            if (round.expired()) {
                expired.mark();
                LOG.warn("Coexistence sync: Meta's 24-hour window closed before every request was accepted");
            }
        }
    }
}
