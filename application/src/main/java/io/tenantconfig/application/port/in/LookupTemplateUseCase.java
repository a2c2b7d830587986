package io.tenantconfig.application.port.in;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import java.util.Optional;

/**
 * For the sending code, before it sends a template from a number: the template of the number's
 * account with its status, category and the parameters each component takes. Answered from
 * memory; a webhook on any instance is seen within a second.
 */
public interface LookupTemplateUseCase {

    /** Empty when no tenant has the number, or its account has no such template. */
    Optional<Found> lookup(MetaId phoneNumberId, Template.Key key);

    /** The template, and whose number asked. */
    record Found(NumberOwner owner, Template template) {}
}
