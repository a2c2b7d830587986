package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.TemplateResult;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.application.port.out.TemplateSchedule;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.ManagedAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** What template management shares: the account a change is made in, and recording what Meta did. */
final class TemplateSteps {

    private static final System.Logger LOG = System.getLogger(TemplateSteps.class.getName());

    private final ConfigStore store;
    private final TemplateSchedule schedule;
    private final Clock clock;

    TemplateSteps(ConfigStore store, TemplateSchedule schedule, Clock clock) {
        this.store = store;
        this.schedule = schedule;
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
     * Records what Meta did in the account {@code wabaId}, in a transaction of its own like every
     * change's: the audit entry (and platform event, when it has one) derived from {@code event}.
     * Nothing else is stored here: Meta holds the templates, so the account's catalogue is made
     * due for a read ({@link TemplateSchedule#dueNow}), which the next sweep round on any instance
     * does. Meta has done what was asked by now, so a database that cannot take the schedule's
     * change costs the catalogue only freshness: the sweep reads the account within its interval.
     */
    void record(Actor actor, DomainEvent event, MetaId wabaId) {
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            LockedWrite.record(tx, actor, event, now);
            return null;
        });
        try {
            schedule.dueNow(wabaId, now);
        } catch (StoreUnavailableException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not make an account due for a template read after a template was created or deleted:"
                            + " the sweep will read it in its interval");
        }
    }

    /** The account to use, or (when {@code account} is {@code null}) the answer without one. */
    record Chosen<T>(Account account, TemplateResult<T> answer) {}
}
