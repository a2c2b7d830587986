package io.tenantconfig.domain;

/**
 * How the user finished Meta's Embedded Signup, as the {@code event} of the {@code WA_EMBEDDED_SIGNUP}
 * message Meta posts to the page (v4 session info): with a phone number, with the account alone,
 * or with the number of their WhatsApp Business app ("coexistence"). It decides what onboarding
 * does with the number: registers it, has none to register, or must never register it (the app
 * already holds its registration, and registering it again would take it from the app).
 */
public enum SignupFinish {
    /** The user ended with a phone number: it is registered for the Cloud API. */
    FINISH,
    /** The user shared the account without a number: one is added later. */
    FINISH_ONLY_WABA,
    /** The user brought their WhatsApp Business app's number (coexistence), which is never registered again. */
    FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING;

    /** Whether the signup must name its phone number. */
    public boolean needsNumber() {
        return this == FINISH;
    }

    /** Whether the signup may name a phone number at all. */
    public boolean allowsNumber() {
        return this != FINISH_ONLY_WABA;
    }

    /** Whether the signup's number is one of a WhatsApp Business app, served alongside it. */
    public boolean coexistence() {
        return this == FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING;
    }
}
