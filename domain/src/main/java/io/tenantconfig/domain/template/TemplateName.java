package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A message template's name as Meta keeps it: lowercase letters, digits and underscores, at most
 * 512 characters ({@code order_shipped}). With a {@link TemplateLanguage} it names one template of
 * an account; the same name in several languages is several templates.
 */
public record TemplateName(String value) {

    public static final int MAX_LENGTH = 512;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    public TemplateName {
        if (value == null
                || value.isEmpty()
                || value.length() > MAX_LENGTH
                || !NAME.matcher(value).matches()) {
            throw new InvalidValueException(
                    "must be 1 to " + MAX_LENGTH + " lowercase letters, digits or underscores, e.g. \"order_shipped\"");
        }
    }

    public static TemplateName parse(String value) {
        return new TemplateName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
