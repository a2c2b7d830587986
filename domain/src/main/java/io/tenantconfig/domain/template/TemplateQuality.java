package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A template's quality score as Meta rates it from its recipients' reactions: {@code GREEN},
 * {@code YELLOW}, {@code RED}, or {@code UNKNOWN} before enough messages were sent. Kept as Meta
 * writes it, like {@link TemplateStatus}, so a rating Meta adds does not break a sync.
 */
public record TemplateQuality(String value) {

    /** Before the constants below: they are checked against it. */
    private static final Pattern WORD = Pattern.compile("[A-Z][A-Z_]{0,39}");

    public static final TemplateQuality UNKNOWN = new TemplateQuality("UNKNOWN");

    public TemplateQuality {
        if (value == null || !WORD.matcher(value).matches()) {
            throw new InvalidValueException("must be a quality score as Meta writes it, e.g. \"GREEN\"");
        }
    }

    public static TemplateQuality parse(String value) {
        return new TemplateQuality(value == null ? null : value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
