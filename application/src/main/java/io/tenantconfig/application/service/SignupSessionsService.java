package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SignupSessionsUseCase;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.domain.TenantId;
import java.util.List;

/** Reads a tenant's own signup sessions. */
final class SignupSessionsService implements SignupSessionsUseCase {

    /** The most sessions one answer holds. */
    static final int MOST = 100;

    private final SignupSessions sessions;

    SignupSessionsService(SignupSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<SignupSessions.Stored> sessionsOf(TenantId tenantId, int limit) {
        return sessions.ofTenant(tenantId, checked(limit));
    }

    static int checked(int limit) {
        if (limit < 1 || limit > MOST) {
            throw new IllegalArgumentException("limit must be 1 to " + MOST);
        }
        return limit;
    }
}
