package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.ConfigStatistics;
import io.tenantconfig.application.port.out.SignupSessions;
import java.time.Duration;
import java.util.Map;

/** An admin sees how many configurations there are, by state, and where resolved credentials came from. */
public interface ConfigStatisticsUseCase {

    /** How far back the signups are counted. */
    Duration SIGNUP_WINDOW = Duration.ofDays(30);

    Report statistics();

    /**
     * The stored configurations by state, the loader's resolutions by source since start, the
     * events waiting for the platform's receiver and how long the oldest of them has waited (zero
     * when none does), and the signup sessions of the last {@link #SIGNUP_WINDOW} by outcome.
     */
    record Report(
            ConfigStatistics configs,
            Map<ValueSource, Long> resolutionsBySource,
            long pendingEvents,
            Duration oldestPendingEventAge,
            SignupSessions.Counts signups) {
        public Report {
            resolutionsBySource = Map.copyOf(resolutionsBySource);
        }
    }
}
