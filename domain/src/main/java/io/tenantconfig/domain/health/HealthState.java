package io.tenantconfig.domain.health;

/**
 * How a tenant's WhatsApp credentials and numbers are doing, worst first: the declaration order
 * is the order admins see them in, and a check's state is the worst of its reasons.
 */
public enum HealthState {
    /** Meta took the account out of service: the app uninstalled, the account disabled or deleted. Not served. */
    DISABLED,
    /** Meta does not accept the token (error 190, or {@code is_valid: false}): the tenant has to sign up again. */
    INVALID,
    /** The token belongs to another Meta app than the one stored (or the platform's). */
    APP_MISMATCH,
    /** The token lacks a WhatsApp permission, or does not cover the tenant's WhatsApp Business Account. */
    PERMISSION_MISSING,
    /** A number left the account, is not connected, has a red quality rating, or its name was declined. */
    NUMBER_PROBLEM,
    /** Meta restricted the account (a restriction, a violation, a ban scheduled, a rejected review). */
    RESTRICTED,
    /** The token expires within the configured window. */
    EXPIRING,
    /** Never checked, or only checks that could not reach Meta. */
    UNKNOWN,
    /** Everything Meta reports is as it should be. */
    HEALTHY;

    /** The worse of the two. */
    public HealthState worse(HealthState other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    /** Whether the tenant (or an admin) has something to do. */
    public boolean needsAction() {
        return this != HEALTHY && this != UNKNOWN;
    }
}
