package io.tenantconfig.domain.template;

import io.tenantconfig.domain.MetaId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message template of a WhatsApp Business Account as Meta last described it: named by its
 * name and language, with Meta's id, its status, category and quality, why Meta rejected it, and
 * the parameters each of its components takes. Built from Meta's answer or webhook, or rebuilt
 * from storage; the changes Meta's webhooks make are {@link #withStatus}, {@link #withCategory},
 * {@link #withQuality} and {@link #withComponents}.
 *
 * @param category {@code null} when Meta names a category that is not one of its current three
 *     (templates from before 2023 can still say {@code TRANSACTIONAL})
 * @param quality {@code null} when Meta has not rated it
 * @param rejectionReason Meta's {@code rejected_reason}, {@code null} unless rejected
 */
public record Template(
        MetaId metaId,
        TemplateName name,
        TemplateLanguage language,
        TemplateStatus status,
        TemplateCategory category,
        TemplateQuality quality,
        String rejectionReason,
        List<TemplateComponent> components) {

    public Template {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
        components = List.copyOf(components);
        if ("NONE".equals(rejectionReason) || (rejectionReason != null && rejectionReason.isBlank())) {
            rejectionReason = null;
        }
    }

    /** Which template of the account it is: its name in its language. */
    public Key key() {
        return new Key(name, language);
    }

    public Optional<TemplateCategory> categoryIfKnown() {
        return Optional.ofNullable(category);
    }

    public Template withStatus(TemplateStatus status, String rejectionReason) {
        return new Template(metaId, name, language, status, category, quality, rejectionReason, components);
    }

    public Template withCategory(TemplateCategory category) {
        return new Template(metaId, name, language, status, category, quality, rejectionReason, components);
    }

    public Template withQuality(TemplateQuality quality) {
        return new Template(metaId, name, language, status, category, quality, rejectionReason, components);
    }

    public Template withComponents(List<TemplateComponent> components) {
        return new Template(metaId, name, language, status, category, quality, rejectionReason, components);
    }

    /**
     * What the platform is told changed from {@code before} to this: a change of status, category
     * or quality (what decides whether and how a template can be sent); empty when none did.
     */
    public Optional<TemplateChange> changedFrom(Template before) {
        boolean status = !Objects.equals(before.status, this.status);
        boolean category = !Objects.equals(before.category, this.category);
        boolean quality = !Objects.equals(before.quality, this.quality);
        if (!status && !category && !quality) {
            return Optional.empty();
        }
        return Optional.of(new TemplateChange(before, this));
    }

    /** A template's name in a language: one template of an account. */
    public record Key(TemplateName name, TemplateLanguage language) {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
        }
    }
}
