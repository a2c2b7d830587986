package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The language of a template, as Meta's language codes write it: a two- or three-letter language,
 * optionally with a region ({@code en}, {@code en_US}, {@code pt_BR}, {@code fil}, {@code es_LA}).
 * Kept as written: Meta tells {@code en} and {@code en_US} apart.
 */
public record TemplateLanguage(String value) {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,3})?");

    public TemplateLanguage {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new InvalidValueException("must be one of Meta's language codes, e.g. \"en_US\" or \"pt_BR\"");
        }
    }

    public static TemplateLanguage parse(String value) {
        return new TemplateLanguage(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
