package io.tenantconfig.domain;

import java.util.regex.Pattern;

/** A phone number as Meta shows it to people, e.g. {@code +1 555-010-0000}. */
public record DisplayPhoneNumber(String value) {

    public static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[0-9+()\\-. ]{1," + MAX_LENGTH + "}");

    public DisplayPhoneNumber {
        if (value == null || value.isBlank() || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException(
                    "must be 1 to " + MAX_LENGTH + " characters of digits, spaces and + ( ) - .");
        }
    }

    public static DisplayPhoneNumber parse(String value) {
        return new DisplayPhoneNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
