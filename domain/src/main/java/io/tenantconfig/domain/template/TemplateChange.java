package io.tenantconfig.domain.template;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A template whose status, category or quality changed (Meta's webhook, or a sync that found it
 * so): what {@code template.changed} tells the platform. {@code before} is {@code null} for a
 * template first seen.
 */
public record TemplateChange(Template before, Template after) {

    public TemplateChange {
        Objects.requireNonNull(after, "after");
    }

    /** Which of {@code status}, {@code category} and {@code quality} changed. */
    public Set<String> changed() {
        Set<String> changed = new TreeSet<>();
        if (before == null || !Objects.equals(before.status(), after.status())) {
            changed.add("status");
        }
        if (before == null || !Objects.equals(before.category(), after.category())) {
            changed.add("category");
        }
        if (before == null || !Objects.equals(before.quality(), after.quality())) {
            changed.add("quality");
        }
        return changed;
    }
}
