package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CreateTemplateUseCase;
import io.tenantconfig.application.port.in.DeleteTemplateUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaTemplates;
import io.tenantconfig.application.port.out.TemplateSchedule;
import java.time.Clock;

/**
 * A tenant's message templates created and deleted at Meta, in one of its WhatsApp Business
 * Accounts with that account's token, each audited. Nothing about templates is stored here: the
 * account is made due for a read of its catalogue, which reads them back from Meta.
 */
public final class TemplateManagementFeature {

    private final CreateTemplateUseCase createTemplate;
    private final DeleteTemplateUseCase deleteTemplate;

    public TemplateManagementFeature(ConfigStore store, MetaTemplates meta, TemplateSchedule schedule, Clock clock) {
        TemplateSteps steps = new TemplateSteps(store, schedule, clock);
        this.createTemplate = new CreateTemplateService(steps, meta);
        this.deleteTemplate = new DeleteTemplateService(steps, meta);
    }

    public CreateTemplateUseCase createTemplate() {
        return createTemplate;
    }

    public DeleteTemplateUseCase deleteTemplate() {
        return deleteTemplate;
    }
}
