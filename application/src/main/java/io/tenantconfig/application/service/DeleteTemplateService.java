package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.DeleteTemplateUseCase;
import io.tenantconfig.application.port.in.TemplateResult;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaTemplates;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.template.TemplateName;

final class DeleteTemplateService implements DeleteTemplateUseCase {

    private final TemplateSteps steps;
    private final MetaTemplates meta;

    DeleteTemplateService(TemplateSteps steps, MetaTemplates meta) {
        this.steps = steps;
        this.meta = meta;
    }

    @Override
    public TemplateResult<TemplateName> delete(Command command) {
        TemplateSteps.Chosen<TemplateName> chosen = steps.account(command.tenantId(), command.wabaId());
        if (chosen.account() == null) {
            return chosen.answer();
        }
        Account account = chosen.account();
        try {
            meta.delete(
                    account.wabaId(),
                    command.name(),
                    command.templateId(),
                    account.token().accessToken());
        } catch (MetaCallFailedException e) {
            return new TemplateResult.MetaFailed<>(account.wabaId(), e.failure());
        }
        steps.record(
                command.actor(),
                new DomainEvent.TemplateDeleted(
                        command.tenantId(), account.wabaId(), command.name(), command.templateId()),
                account.wabaId());
        return new TemplateResult.Done<>(account.wabaId(), command.name());
    }
}
