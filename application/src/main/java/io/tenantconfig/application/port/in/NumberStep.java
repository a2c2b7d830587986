package io.tenantconfig.application.port.in;

/** The calls to Meta that bring a number created through the service into use, in their order. */
public enum NumberStep {
    CREATE("creating the number in the WhatsApp Business Account"),
    REQUEST_CODE("having Meta send the verification code"),
    VERIFY_CODE("verifying the code"),
    REGISTER("registering the number for the Cloud API");

    private final String description;

    NumberStep(String description) {
        this.description = description;
    }

    /** What the step does, for messages: "while verifying the code". */
    public String description() {
        return description;
    }
}
