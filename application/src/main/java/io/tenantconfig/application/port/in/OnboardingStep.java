package io.tenantconfig.application.port.in;

/** The calls to Meta that finish Embedded Signup, in the order they run. */
public enum OnboardingStep {
    EXCHANGE_CODE("exchanging the signup code for a token"),
    VERIFY_TOKEN("checking the token with Meta"),
    SUBSCRIBE_WABA("subscribing the app to the WhatsApp Business Account"),
    REGISTER_PHONE("registering the phone number");

    private final String description;

    OnboardingStep(String description) {
        this.description = description;
    }

    /** What the step does, for messages: "... failed while {description}". */
    public String description() {
        return description;
    }
}
