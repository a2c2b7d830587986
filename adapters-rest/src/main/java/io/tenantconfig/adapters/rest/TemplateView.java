package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.application.port.out.TemplateCatalogues.AccountTemplate;
import io.tenantconfig.application.port.out.TemplateCatalogues.CatalogueRead;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateComponent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A template as the API shows it: Meta's names for its fields, the parameters each component
 * takes, and whether it can be sent now ({@code sendable}: approved).
 */
public record TemplateView(
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("name") String name,
        @JsonProperty("language") String language,
        @JsonProperty("status") String status,
        @JsonProperty("sendable") boolean sendable,
        @JsonProperty("category") String category,
        @JsonProperty("quality_score") String qualityScore,
        @JsonProperty("rejected_reason") String rejectedReason,
        @JsonProperty("id") String id,
        @JsonProperty("components") List<TemplateComponentView> components,
        @JsonProperty("updated_at") String updatedAt) {

    /** A component with its parameter count; {@code sub_type} the header's format or the button's type, {@code index} a button's position. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TemplateComponentView(
            @JsonProperty("type") String type,
            @JsonProperty("sub_type") String subType,
            @JsonProperty("index") Integer index,
            @JsonProperty("parameters") int parameters) {

        static TemplateComponentView of(TemplateComponent component) {
            return new TemplateComponentView(
                    component.type(), component.subType(), component.index(), component.parameters());
        }
    }

    /** When an account's catalogue was last read from Meta, last tried, and why that try failed (null: it did not). */
    public record CatalogueReadView(
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("synced_at") String syncedAt,
            @JsonProperty("last_attempt_at") String lastAttemptAt,
            @JsonProperty("last_attempt_failed") boolean lastAttemptFailed,
            @JsonProperty("last_failure") String lastFailure) {

        static CatalogueReadView of(CatalogueRead read) {
            return new CatalogueReadView(
                    read.wabaId().value(),
                    Objects.toString(read.readAt(), null),
                    Objects.toString(read.attemptedAt(), null),
                    read.lastAttemptFailed(),
                    read.failure());
        }
    }

    static TemplateView of(AccountTemplate stored) {
        return of(stored.wabaId(), stored.template(), stored.updatedAt());
    }

    static TemplateView of(MetaId wabaId, Template template, Instant updatedAt) {
        return new TemplateView(
                Objects.toString(wabaId, null),
                template.name().value(),
                template.language().value(),
                template.status().value(),
                template.status().sendable(),
                template.category() == null ? null : template.category().name(),
                template.quality() == null ? null : template.quality().value(),
                template.rejectionReason(),
                Objects.toString(template.metaId(), null),
                template.components().stream().map(TemplateComponentView::of).toList(),
                Objects.toString(updatedAt, null));
    }
}
