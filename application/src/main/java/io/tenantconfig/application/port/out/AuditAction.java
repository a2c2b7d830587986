package io.tenantconfig.application.port.out;

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
    /** Meta confirmed the access token (onboarding's check); its expiry was recorded. */
    TOKEN_VERIFIED,
    PHONE_NUMBER_ADDED,
    PHONE_NUMBER_CHANGED,
    PHONE_NUMBER_REMOVED,
    /** Meta extended the access token before it expired (a health check). */
    TOKEN_REFRESHED,
    /** Meta's lifecycle webhook changed the account's standing (uninstalled, disabled, restricted, reinstated). */
    ACCOUNT_STANDING_CHANGED,
    DELETE_ALL,
    /** An admin deleted one tenant's configuration. */
    DELETE_TENANT,
    /** Secrets were read in clear ({@code /config/full}, {@code /config/resolved} for admins and services). */
    SECRETS_READ
}
