package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.domain.TenantId;
import java.util.List;

/** A tenant sees its own signup sessions, newest first. */
public interface SignupSessionsUseCase {

    /** @param limit 1 to 100 */
    List<SignupSessions.Stored> sessionsOf(TenantId tenantId, int limit);
}
