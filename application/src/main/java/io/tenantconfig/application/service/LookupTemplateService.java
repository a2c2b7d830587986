package io.tenantconfig.application.service;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.in.LookupTemplateUseCase;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.TemplateDirectory;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import java.util.Optional;

/** The number's account from the number directory, its template from the template directory: both memory. */
final class LookupTemplateService implements LookupTemplateUseCase {

    private final NumberDirectory numbers;
    private final TemplateDirectory templates;

    LookupTemplateService(NumberDirectory numbers, TemplateDirectory templates) {
        this.numbers = numbers;
        this.templates = templates;
    }

    @Override
    public Optional<Found> lookup(MetaId phoneNumberId, Template.Key key) {
        Optional<NumberOwner> owner = numbers.ownerOfNumber(phoneNumberId);
        if (owner.isEmpty() || owner.get().wabaId() == null) {
            return Optional.empty();
        }
        return templates.template(owner.get().wabaId(), key).map(template -> new Found(owner.get(), template));
    }
}
