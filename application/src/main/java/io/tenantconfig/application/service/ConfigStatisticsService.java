package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ConfigStatisticsUseCase;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.SignupSessions;
import java.time.Clock;
import java.time.Duration;

final class ConfigStatisticsService implements ConfigStatisticsUseCase {

    private final ConfigCatalog catalog;
    private final ResolutionCounter resolutions;
    private final EventOutbox outbox;
    private final SignupSessions sessions;
    private final Clock clock;

    ConfigStatisticsService(
            ConfigCatalog catalog,
            ResolutionCounter resolutions,
            EventOutbox outbox,
            SignupSessions sessions,
            Clock clock) {
        this.catalog = catalog;
        this.resolutions = resolutions;
        this.outbox = outbox;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Report statistics() {
        EventOutbox.Backlog events = outbox.backlog();
        Duration oldest = events.oldestOccurredAt()
                .map(at -> Duration.between(at, clock.instant()))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
        return new Report(
                catalog.statistics(),
                resolutions.snapshot(),
                events.pending(),
                oldest,
                sessions.countSince(clock.instant().minus(SIGNUP_WINDOW)));
    }
}
