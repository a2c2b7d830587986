package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A template's status as Meta writes it ({@code APPROVED}, {@code PAUSED}...). Kept as text, not
 * an enum: Meta adds statuses over time ({@code LIMIT_EXCEEDED}, {@code ARCHIVED}), and a status
 * this service has not heard of yet must not stop an account's catalogue from being read. Only an
 * approved template can be sent.
 */
public record TemplateStatus(String value) {

    /** Before the constants below: they are checked against it. */
    private static final Pattern WORD = Pattern.compile("[A-Z][A-Z_]{0,39}");

    public static final TemplateStatus APPROVED = new TemplateStatus("APPROVED");
    public static final TemplateStatus PENDING = new TemplateStatus("PENDING");
    public static final TemplateStatus REJECTED = new TemplateStatus("REJECTED");
    public static final TemplateStatus PAUSED = new TemplateStatus("PAUSED");
    public static final TemplateStatus DISABLED = new TemplateStatus("DISABLED");

    /** The statuses Meta's reference listed when this was written. */
    private static final Set<String> KNOWN = Set.of(
            "APPROVED",
            "IN_APPEAL",
            "PENDING",
            "REJECTED",
            "PENDING_DELETION",
            "DELETED",
            "DISABLED",
            "PAUSED",
            "LIMIT_EXCEEDED",
            "ARCHIVED");

    public TemplateStatus {
        if (value == null || !WORD.matcher(value).matches()) {
            throw new InvalidValueException("must be a status as Meta writes it, e.g. \"APPROVED\"");
        }
    }

    /** Meta's status; upper-cased, as Meta's webhooks and answers both write it so. */
    public static TemplateStatus parse(String value) {
        return new TemplateStatus(value == null ? null : value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether a message can be sent with the template now. */
    public boolean sendable() {
        return equals(APPROVED);
    }

    /** Whether this service knew the status when it was written (an unknown one is kept as Meta wrote it). */
    public boolean known() {
        return KNOWN.contains(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
