package io.tenantconfig.domain;

/**
 * A user of the platform, as the subject of their token names them: who created a configuration
 * or last onboarded it. The audit trail records the same subjects, in a column of the same size.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!Text.isPrintable(value)) {
            throw new InvalidValueException("must not contain control characters");
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
