package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateDraft;
import io.tenantconfig.domain.template.TemplateName;
import java.util.Objects;

/**
 * Meta's side of managing a WhatsApp Business Account's message templates: create one, delete one.
 * Each call is made with the account's token and either succeeds or throws
 * {@link MetaCallFailedException} saying how it failed (Meta's own words when it refused).
 */
public interface MetaTemplates {

    /** Creates {@code draft} in the account ({@code POST /{waba_id}/message_templates}): Meta's answer. */
    CreatedTemplate create(MetaId wabaId, TemplateDraft draft, Secret token);

    /**
     * Deletes the template {@code name} from the account ({@code DELETE /{waba_id}/message_templates
     * ?name=}): in every language, or only the one with Meta's id {@code templateId} ({@code hsm_id};
     * {@code null}: every language).
     */
    void delete(MetaId wabaId, TemplateName name, MetaId templateId, Secret token);

    /** What Meta answers to a template created: its id, its status ({@code PENDING}, {@code APPROVED}...) and category. */
    record CreatedTemplate(MetaId id, String status, TemplateCategory category) {
        public CreatedTemplate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(category, "category");
        }
    }
}
