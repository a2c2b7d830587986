package io.tenantconfig.bootstrap.events;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.tenantconfig.application.port.out.Retention;
import java.time.Clock;

/** One round of the retention job, its deletions counted in metrics. */
public final class RetentionRound implements Runnable {

    private final Retention retention;
    private final Clock clock;
    private final Meter deliveredEvents;
    private final Meter webhookChanges;
    private final Meter deadLetters;

    public RetentionRound(Retention retention, Clock clock, MetricRegistry metrics) {
        this.retention = retention;
        this.clock = clock;
        this.deliveredEvents = metrics.meter("tenant-config.retention.delivered-events");
        this.webhookChanges = metrics.meter("tenant-config.retention.webhook-changes");
        this.deadLetters = metrics.meter("tenant-config.retention.dead-letters");
    }

    @Override
    public void run() {
        Retention.Round round = retention.removeExpired(clock.instant());
        deliveredEvents.mark(round.deliveredEvents());
        webhookChanges.mark(round.webhookChanges());
        deadLetters.mark(round.deadLetters());
    }
}
