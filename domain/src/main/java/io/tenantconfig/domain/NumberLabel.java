package io.tenantconfig.domain;

/** What a tenant calls one of its numbers ("Support", "Sales DE"): free text, 1 to 100 printable characters. */
public record NumberLabel(String value) {

    public static final int MAX_LENGTH = 100;

    public NumberLabel {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " characters, not only spaces");
        }
        if (!Text.isPrintable(value)) {
            throw new InvalidValueException("must not contain control characters");
        }
    }

    public static NumberLabel parse(String value) {
        return new NumberLabel(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
