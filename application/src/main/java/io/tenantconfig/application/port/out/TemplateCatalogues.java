package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The template catalogues as stored: each of a tenant's accounts' templates as Meta last
 * described them, and when each account's catalogue was last read and last tried. Written in a
 * {@link ConfigStore.Transaction} (a sync, Meta's webhooks); read here.
 */
public interface TemplateCatalogues {

    /** Up to {@code query.limit()} of the tenant's templates matching the query, after {@code query.after()}, in a stable order. */
    TemplatePage page(TenantId tenantId, TemplateQuery query);

    /** The template named so in each of the tenant's accounts that has one (usually one account). */
    List<AccountTemplate> find(TenantId tenantId, Template.Key key);

    /** When each of the tenant's accounts' catalogues was read and tried, in the accounts' order. */
    List<CatalogueRead> reads(TenantId tenantId);

    /** Which templates a page holds: each filter applies when present. */
    record TemplateQuery(
            Optional<TemplateStatus> status,
            Optional<TemplateName> name,
            Optional<TemplateLanguage> language,
            Optional<Long> after,
            int limit) {
        public TemplateQuery {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(after, "after");
            if (limit < 1) {
                throw new IllegalArgumentException("a page holds at least one template");
            }
        }
    }

    /** A template with the account it is of, and its position in the tenant's list ({@code id}). */
    record AccountTemplate(long id, MetaId wabaId, Template template, Instant updatedAt) {}

    /** A page of templates; {@code next} the {@code after} of the page that follows, {@code null} on the last. */
    record TemplatePage(List<AccountTemplate> templates, Long next) {
        public TemplatePage {
            templates = List.copyOf(templates);
        }
    }

    /**
     * An account's catalogue: when it was last read from Meta ({@code null}: never), when a read
     * was last tried, and why that try failed ({@code null} when it did not). A failed read keeps
     * the catalogue of the last one that worked.
     */
    record CatalogueRead(MetaId wabaId, Instant readAt, Instant attemptedAt, String failure) {
        public boolean lastAttemptFailed() {
            return failure != null;
        }
    }
}
