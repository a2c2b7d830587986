package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.TemplateResult;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.ManagedAccount;
import java.time.Clock;
import java.util.Optional;

/** What template management shares: the account a change is made in, and recording what Meta did. */
final class TemplateSteps {

    private final ConfigStore store;
    private final Clock clock;

    TemplateSteps(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The account {@code wabaId} names (or the only one), or the answer that there is none to use. */
    <T> Chosen<T> account(TenantId tenantId, MetaId wabaId) {
        Optional<TenantConfig> found = store.load(tenantId);
        if (found.isEmpty()) {
            return new Chosen<>(null, new TemplateResult.NotFound<>());
        }
        Optional<Refusal> refused = ManagedAccount.refusal(found.get().accounts(), wabaId);
        if (refused.isPresent()) {
            return new Chosen<>(null, new TemplateResult.Refused<>(refused.get()));
        }
        return new Chosen<>(
                ManagedAccount.chosen(found.get().accounts(), wabaId).orElseThrow(), null);
    }

    /**
     * Records what Meta did, in a transaction of its own like every change's: the audit entry
     * (and platform event, when it has one) derived from {@code event}. Nothing else is stored:
     * Meta holds the templates, and the template catalogue reads them from Meta.
     */
    void record(Actor actor, DomainEvent event) {
        store.inTransaction(tx -> {
            LockedWrite.record(tx, actor, event, clock.instant());
            return null;
        });
    }

    /** The account to use, or (when {@code account} is {@code null}) the answer without one. */
    record Chosen<T>(Account account, TemplateResult<T> answer) {}
}
