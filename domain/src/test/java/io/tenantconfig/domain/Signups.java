package io.tenantconfig.domain;

import java.time.Clock;

/** Test data: a tenant's first signup, which the rules allow. */
final class Signups {

    private Signups() {}

    static Changed first(TenantId tenantId, UserId user, SignupAccount signup, AccessGrant grant, Clock clock) {
        Outcome outcome = TenantConfig.onboard(tenantId, user, signup, grant, TestLimits.MOST, clock);
        if (outcome instanceof Changed changed) {
            return changed;
        }
        throw new AssertionError("a first signup is allowed, but was " + outcome);
    }
}
