package io.tenantconfig.domain;

/** What an audit record says was done. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    ACTIVATE,
    DEACTIVATE,
    ONBOARDING_TOKEN_EXCHANGED,
    ONBOARDING_WEBHOOK_SUBSCRIBED,
    ONBOARDING_PHONE_REGISTERED,
    ONBOARDING_COMPLETED,
    ONBOARDING_REAUTHORIZATION_REQUIRED,
    DELETE_ALL,
    DELETE_TENANT,
    /** Secrets were read in clear ({@code /config/full}, {@code /config/resolved} for admins and services). */
    SECRETS_READ;

    /** The action a stored change amounts to: a switch on or off, an onboarding step, or a plain update. */
    public static AuditAction ofChange(TenantConfig before, TenantConfig after) {
        if (before == null) {
            return after.onboardingStatus() == OnboardingStatus.TOKEN_EXCHANGED ? ONBOARDING_TOKEN_EXCHANGED : CREATE;
        }
        if (before.isActive() != after.isActive()) {
            return after.isActive() ? ACTIVATE : DEACTIVATE;
        }
        if (before.onboardingStatus() != after.onboardingStatus()) {
            return switch (after.onboardingStatus()) {
                case TOKEN_EXCHANGED -> ONBOARDING_TOKEN_EXCHANGED;
                case WEBHOOK_SUBSCRIBED -> ONBOARDING_WEBHOOK_SUBSCRIBED;
                case PHONE_REGISTERED -> ONBOARDING_PHONE_REGISTERED;
                case COMPLETED -> ONBOARDING_COMPLETED;
                case REAUTHORIZATION_REQUIRED -> ONBOARDING_REAUTHORIZATION_REQUIRED;
                default -> UPDATE;
            };
        }
        return UPDATE;
    }
}
