package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AlreadyOwnedException;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.Changed;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One change to one tenant's configuration, in one transaction: lock the row, check the version
 * the caller expects, apply the rule to what is stored now, store the result and record what the
 * event it produced means (its audit entry, and its platform event when it has one). Concurrent
 * changes wait for the lock and apply on top of each other, so none is lost and none has to be
 * retried. A rule that refuses, or a store that finds a number already another tenant's, leaves
 * everything as it was.
 */
final class LockedWrite {

    private final ConfigStore store;

    LockedWrite(ConfigStore store) {
        this.store = store;
    }

    /** @param rule the change: stored and recorded when it changes something, answered when it refuses */
    WriteResult apply(TenantId tenantId, ExpectedVersion expected, Actor actor, Function<TenantConfig, Outcome> rule) {
        try {
            return store.inTransaction(tx -> write(tx, tenantId, expected, actor, rule));
        } catch (AlreadyOwnedException e) {
            return new WriteResult.Refused(taken(e));
        }
    }

    /**
     * As {@link #apply}, inside a transaction the caller runs (which writes more than this one
     * change, with no version expected): the change and what its event means commit or roll back
     * with the rest of it. A configuration that is gone, or a rule that changes nothing or refuses,
     * leaves the rest of the transaction to go on.
     */
    static void within(
            ConfigStore.Transaction tx, TenantId tenantId, Actor actor, Function<TenantConfig, Outcome> rule) {
        write(tx, tenantId, ExpectedVersion.any(), actor, rule);
    }

    /**
     * What {@code outcome}, of a rule applied to {@code current} as locked in {@code tx}, comes to:
     * a change stored with what its event means, the configuration as it is, or the refusal.
     */
    static WriteResult written(ConfigStore.Transaction tx, Actor actor, TenantConfig current, Outcome outcome) {
        if (outcome instanceof Refusal refusal) {
            return new WriteResult.Refused(refusal);
        }
        if (outcome instanceof Changed changed) {
            TenantConfig saved = tx.save(changed.config());
            record(tx, actor, changed);
            return new WriteResult.Done(saved);
        }
        return new WriteResult.Done(current);
    }

    /** Records what a change's event means, as it happened at the time of the change. */
    static void record(ConfigStore.Transaction tx, Actor actor, Changed changed) {
        record(tx, actor, changed.event(), changed.config().updatedAt());
    }

    /**
     * Records what {@code event} means, in the transaction of the change it tells of: its audit
     * entry, its platform event and the sync of a WhatsApp Business app's data it asks for, each
     * when it has one, all derived from the event.
     */
    static void record(ConfigStore.Transaction tx, Actor actor, DomainEvent event, Instant occurredAt) {
        AuditEntry.of(actor, event).ifPresent(tx::record);
        PlatformEvent.of(event, occurredAt).ifPresent(tx::publish);
        AppDataSync.requestedBy(event, occurredAt).ifPresent(tx::requestAppDataSync);
    }

    /** The refusal for a number or account that another tenant has. */
    static Refusal taken(AlreadyOwnedException e) {
        return new Refusal(Refusal.Reason.TAKEN_BY_ANOTHER_TENANT, e.getMessage());
    }

    private static WriteResult write(
            ConfigStore.Transaction tx,
            TenantId tenantId,
            ExpectedVersion expected,
            Actor actor,
            Function<TenantConfig, Outcome> rule) {
        Optional<TenantConfig> locked = tx.lock(tenantId);
        if (locked.isEmpty()) {
            return new WriteResult.NotFound();
        }
        TenantConfig current = locked.get();
        if (!expected.isSatisfiedBy(current.version())) {
            return new WriteResult.VersionMismatch(current.version());
        }
        return written(tx, actor, current, rule.apply(current));
    }
}
