package io.tenantconfig.domain;

/** How far Meta's Embedded Signup got for a tenant; each value names the last step that succeeded. */
public enum OnboardingStatus {
    NOT_STARTED,
    TOKEN_EXCHANGED,
    WEBHOOK_SUBSCRIBED,
    PHONE_REGISTERED,
    COMPLETED,
    FAILED
}
