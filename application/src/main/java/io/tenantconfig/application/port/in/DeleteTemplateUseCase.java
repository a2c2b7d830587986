package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.TemplateName;
import java.util.Objects;

/**
 * Meta deletes one of the tenant's message templates from one of its WhatsApp Business Accounts:
 * every language of the name, or only the one Meta's id names; audited as {@code actor}'s.
 */
public interface DeleteTemplateUseCase {

    /** Done: the name deleted. */
    TemplateResult<TemplateName> delete(Command command);

    /**
     * @param wabaId the account; {@code null}: the tenant's only one
     * @param templateId Meta's id of the one language to delete ({@code hsm_id}); {@code null}: every language
     */
    record Command(TenantId tenantId, Actor actor, MetaId wabaId, TemplateName name, MetaId templateId) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(name, "name");
        }
    }
}
