package io.tenantconfig.application.port.in;

/** Where a resolved credential came from. */
public enum ValueSource {
    /** The tenant's own, active configuration. */
    DATABASE("database"),
    /** The process environment or the {@code .env} file. */
    ENVIRONMENT("environment"),
    /** Nowhere: the value is not set. */
    NONE("none");

    private final String label;

    ValueSource(String label) {
        this.label = label;
    }

    /** {@code database}, {@code environment} or {@code none}, as the API reports it. */
    public String label() {
        return label;
    }
}
