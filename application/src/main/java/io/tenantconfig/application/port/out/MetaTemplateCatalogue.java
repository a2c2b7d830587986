package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.template.Template;
import java.util.List;

/** Meta's message templates of a WhatsApp Business Account, read to keep the account's catalogue. */
public interface MetaTemplateCatalogue {

    /**
     * Every template of the account, every page of Meta's answer read, with the account's token.
     *
     * @throws MetaCallFailedException when Meta refused, failed or could not be reached on any page:
     *     a catalogue is read whole or not at all
     */
    Read templates(MetaId wabaId, Secret token);

    /**
     * What Meta answered: the templates it describes, and how many it described in a way this
     * service cannot hold (a name or language that is not Meta's own form), left out and logged.
     */
    record Read(List<Template> templates, int unreadable) {
        public Read {
            templates = List.copyOf(templates);
        }
    }
}
