package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import java.util.Optional;

/**
 * Which templates each account has, for the sending code's lookup: answered from memory, and
 * hears of every committed change (on any instance) within a second.
 */
public interface TemplateDirectory {

    /** @throws StoreUnavailableException when it has to ask the database and cannot */
    Optional<Template> template(MetaId wabaId, Template.Key key);
}
