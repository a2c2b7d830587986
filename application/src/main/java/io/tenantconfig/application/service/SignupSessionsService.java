package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SignupSessionsAdminUseCase;
import io.tenantconfig.application.port.in.SignupSessionsUseCase;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** Reads the signup sessions: a tenant's own, and every tenant's for admins. */
final class SignupSessionsService implements SignupSessionsUseCase, SignupSessionsAdminUseCase {

    static final int MOST = 100;

    private final SignupSessions sessions;

    SignupSessionsService(SignupSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<SignupSessions.Stored> sessionsOf(TenantId tenantId, int limit) {
        return sessions.ofTenant(tenantId, checked(limit));
    }

    @Override
    public SignupSessions.Page list(SignupSessions.Filter filter, Optional<Long> after, int limit) {
        return sessions.list(filter, after, checked(limit));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MOST) {
            throw new IllegalArgumentException("limit must be 1 to " + MOST);
        }
        return limit;
    }
}
