package io.tenantconfig.domain;

/** The business name Meta approved for a number, shown to the people it writes to. */
public record VerifiedName(String value) {

    public static final int MAX_LENGTH = 256;

    public VerifiedName {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " characters, not only spaces");
        }
        if (!Text.isPrintable(value)) {
            throw new InvalidValueException("must not contain control characters");
        }
    }

    public static VerifiedName parse(String value) {
        return new VerifiedName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
