package io.tenantconfig.domain.template;

import java.util.List;
import java.util.Objects;

/**
 * A message template to be created at Meta, as Meta's {@code POST /{waba_id}/message_templates}
 * takes it: its name, language and category, how its parameters are written, whether Meta may
 * move it to another category on review, and its components. A draft says what was asked;
 * {@link TemplateDraftRules} says what Meta would refuse in it.
 *
 * @param allowCategoryChange {@code null} when not said (Meta's default)
 */
public record TemplateDraft(
        TemplateName name,
        TemplateLanguage language,
        TemplateCategory category,
        ParameterFormat parameterFormat,
        Boolean allowCategoryChange,
        List<DraftComponent> components) {

    public TemplateDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(parameterFormat, "parameterFormat");
        components = List.copyOf(components);
    }
}
