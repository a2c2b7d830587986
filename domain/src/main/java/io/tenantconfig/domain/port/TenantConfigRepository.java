package io.tenantconfig.domain.port;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.AuditAction;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/**
 * Where tenant configurations are kept: at most one per tenant. Writes are guarded by the version
 * a configuration was read at, so that two writers never silently overwrite each other.
 */
public interface TenantConfigRepository {

    /**
     * This repository, with every write recorded in the audit trail, in the same transaction, as
     * done by {@code actor}. Writes through a repository not obtained this way are recorded as
     * done by {@link Actor#SYSTEM}.
     */
    TenantConfigRepository onBehalfOf(Actor actor);

    /** As {@link #onBehalfOf(Actor)}, with deletions recorded as {@code deleteAction} (e.g. an admin's delete-tenant). */
    TenantConfigRepository onBehalfOf(Actor actor, AuditAction deleteAction);

    Optional<TenantConfig> findByTenant(TenantId tenantId);

    /**
     * Stores a configuration made by {@link TenantConfig#create}.
     *
     * @return {@link SaveOutcome.Saved} with the stored configuration (its id set, version 1), or
     *     {@link SaveOutcome.AlreadyExists} when the tenant has one already
     */
    SaveOutcome insert(TenantConfig config);

    /**
     * Replaces the stored configuration of {@code changed.tenantId()}, but only while the stored
     * version is still {@code changed.version()}, the version it was read at.
     *
     * @return {@link SaveOutcome.Saved} with the next version, {@link SaveOutcome.VersionConflict}
     *     when someone else wrote first, {@link SaveOutcome.NotFound} when it was deleted meanwhile
     */
    SaveOutcome update(TenantConfig changed);

    /**
     * Deletes the tenant's configuration, at {@code expected} version when one is given.
     *
     * @return {@link DeleteOutcome.Deleted} with what was deleted, {@link SaveOutcome.VersionConflict}
     *     or {@link SaveOutcome.NotFound}
     */
    DeleteOutcome delete(TenantId tenantId, ExpectedVersion expected);

    /** Deletes every configuration at once and says how many there were. */
    long deleteAll();

    /** Configurations in a stable order (by id), {@code skip} first, at most {@code limit}. */
    TenantConfigPage page(long skip, int limit);

    /** Counts by state, in one consistent read. */
    TenantConfigStatistics statistics();
}
