package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.out.MetaTemplates.CreatedTemplate;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.TemplateDraft;
import java.util.Objects;

/**
 * Meta creates a message template in one of the tenant's WhatsApp Business Accounts (the one named,
 * or the tenant's only one), with that account's token; audited as {@code actor}'s. The draft has
 * passed {@link io.tenantconfig.domain.template.TemplateDraftRules} before it comes here.
 */
public interface CreateTemplateUseCase {

    TemplateResult<CreatedTemplate> create(Command command);

    /** @param wabaId the account; {@code null}: the tenant's only one */
    record Command(TenantId tenantId, Actor actor, MetaId wabaId, TemplateDraft draft) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(draft, "draft");
        }
    }
}
