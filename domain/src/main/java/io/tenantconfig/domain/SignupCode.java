package io.tenantconfig.domain;

/**
 * The one-time code Meta's Embedded Signup hands the frontend. It lives about 30 seconds, works
 * once, and is as good as a token while it lives: it never prints.
 */
public record SignupCode(String value) {

    public static final int MAX_LENGTH = 4096;

    public SignupCode {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH || !Text.isPrintableAscii(value)) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " printable characters");
        }
    }

    @Override
    public String toString() {
        return "SignupCode[***]";
    }
}
