package io.tenantconfig.domain;

import java.util.regex.Pattern;

/**
 * An id issued by Meta: a WhatsApp Business Account, a phone number, a business or an app.
 * Meta's ids are decimal digits; anything else is a mistake (or an injection attempt).
 */
public record MetaId(String value) {

    public static final int MAX_LENGTH = 32;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1," + MAX_LENGTH + "}");

    public MetaId {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " digits");
        }
    }

    public static MetaId parse(String value) {
        return new MetaId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
