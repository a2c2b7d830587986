package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.SignupSessions;
import java.util.Optional;

/** Admins page through every tenant's signup sessions, newest first, narrowed by a filter. */
public interface SignupSessionsAdminUseCase {

    /** @param limit 1 to 100 */
    SignupSessions.Page list(SignupSessions.Filter filter, Optional<Long> after, int limit);
}
