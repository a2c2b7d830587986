package io.tenantconfig.domain;

/**
 * How far Meta's Embedded Signup got for a tenant. Each value names the last step that succeeded,
 * so a failed run can be resumed from the next one.
 */
public enum OnboardingStatus {
    /** Configured by hand, or never onboarded. */
    NOT_STARTED,
    /** The signup code was exchanged for a token, and the token is stored. */
    TOKEN_EXCHANGED,
    /** The app is subscribed to the WhatsApp Business Account's webhooks. */
    WEBHOOK_SUBSCRIBED,
    /** The phone number is registered for the Cloud API. */
    PHONE_REGISTERED,
    /** Every step succeeded. */
    COMPLETED,
    /** Read if stored, never written: this service records the last step that succeeded instead. */
    FAILED,
    /** Meta no longer accepts the stored token: the tenant has to run Embedded Signup again. */
    REAUTHORIZATION_REQUIRED
}
