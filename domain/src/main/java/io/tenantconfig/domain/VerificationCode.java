package io.tenantconfig.domain;

import java.util.regex.Pattern;

/**
 * The code Meta sent to a phone number by SMS or voice call, as the user typed it back: six digits
 * ({@code 123456}, or {@code 123-456} as the SMS shows it). It proves the number is the tenant's, so
 * it is never printed: {@link #toString} hides it, and only {@link #reveal} gives it to Meta.
 */
public final class VerificationCode {

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{3}-?[0-9]{3}");

    private final String digits;

    private VerificationCode(String digits) {
        this.digits = digits;
    }

    /** @throws InvalidValueException unless six digits, optionally with a dash after the third */
    public static VerificationCode parse(String value) {
        if (value == null || !SIX_DIGITS.matcher(value.strip()).matches()) {
            throw new InvalidValueException("must be the 6-digit code Meta sent to the number, e.g. \"123456\"");
        }
        return new VerificationCode(value.strip().replace("-", ""));
    }

    /** The six digits, for Meta only. */
    public String reveal() {
        return digits;
    }

    @Override
    public String toString() {
        return "VerificationCode[******]";
    }
}
