package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SignupSessionsAdminUseCase;
import io.tenantconfig.application.port.out.SignupSessions;
import java.util.Optional;

/** Pages through every tenant's signup sessions, for admins. */
final class SignupSessionsAdminService implements SignupSessionsAdminUseCase {

    private final SignupSessions sessions;

    SignupSessionsAdminService(SignupSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public SignupSessions.Page list(SignupSessions.Filter filter, Optional<Long> after, int limit) {
        return sessions.list(filter, after, SignupSessionsService.checked(limit));
    }
}
