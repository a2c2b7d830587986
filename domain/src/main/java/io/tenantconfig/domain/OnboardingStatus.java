package io.tenantconfig.domain;

/**
 * How far Meta's Embedded Signup got for a tenant. Each value names the last step that succeeded,
 * so a failed run can be resumed from the next one; a failure itself is in the answer to the
 * caller, never in the status.
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
    /** Meta no longer accepts the stored token: the tenant has to run Embedded Signup again. */
    REAUTHORIZATION_REQUIRED;

    /** Whether a run stopped after this step can carry on with the stored token. */
    public boolean isResumable() {
        return this == TOKEN_EXCHANGED || this == WEBHOOK_SUBSCRIBED || this == PHONE_REGISTERED;
    }
}
