package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ReportSignupEventUseCase;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.application.port.out.SignupSessions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Keeps what the page reported as one session that starts and ends when the report arrives. */
final class ReportSignupEventService implements ReportSignupEventUseCase {

    /** Meta's event for every flow that did not finish, a cancellation or a reported error. */
    static final String CANCEL = "CANCEL";

    private final SignupSessions sessions;
    private final Clock clock;

    ReportSignupEventService(SignupSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void report(Command command) {
        Instant now = clock.instant();
        sessions.record(
                new SignupSession(
                        command.tenantId(),
                        command.sessionId(),
                        now,
                        now,
                        command.event().outcome(),
                        CANCEL,
                        List.of(),
                        List.of(),
                        List.of()),
                now);
    }
}
