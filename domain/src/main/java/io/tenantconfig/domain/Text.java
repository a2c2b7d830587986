package io.tenantconfig.domain;

/** Character rules shared by the value objects. */
final class Text {

    private Text() {}

    /**
     * Refuses anything but a line of text of 1 to {@code maxLength} characters, not only spaces,
     * without control characters.
     *
     * @throws InvalidValueException naming what is expected
     */
    static void requireLine(String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new InvalidValueException("must be 1 to " + maxLength + " characters, not only spaces");
        }
        if (!isPrintable(value)) {
            throw new InvalidValueException("must not contain control characters");
        }
    }

    /** True when every character is printable ASCII or a printable non-ASCII letter, no controls. */
    static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
