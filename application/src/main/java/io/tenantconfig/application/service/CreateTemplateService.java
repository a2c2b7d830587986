package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CreateTemplateUseCase;
import io.tenantconfig.application.port.in.TemplateResult;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaTemplates;
import io.tenantconfig.application.port.out.MetaTemplates.CreatedTemplate;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.DomainEvent;

final class CreateTemplateService implements CreateTemplateUseCase {

    private final TemplateSteps steps;
    private final MetaTemplates meta;

    CreateTemplateService(TemplateSteps steps, MetaTemplates meta) {
        this.steps = steps;
        this.meta = meta;
    }

    @Override
    public TemplateResult<CreatedTemplate> create(Command command) {
        TemplateSteps.Chosen<CreatedTemplate> chosen = steps.account(command.tenantId(), command.wabaId());
        if (chosen.account() == null) {
            return chosen.answer();
        }
        Account account = chosen.account();
        CreatedTemplate created;
        try {
            created = meta.create(
                    account.wabaId(), command.draft(), account.token().accessToken());
        } catch (MetaCallFailedException e) {
            return new TemplateResult.MetaFailed<>(account.wabaId(), e.failure());
        }
        steps.record(
                command.actor(),
                new DomainEvent.TemplateCreated(
                        command.tenantId(),
                        account.wabaId(),
                        command.draft().name(),
                        command.draft().language(),
                        created.id()),
                account.wabaId());
        return new TemplateResult.Done<>(account.wabaId(), created);
    }
}
