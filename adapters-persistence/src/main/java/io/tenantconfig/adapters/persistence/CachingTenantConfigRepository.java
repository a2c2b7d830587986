package io.tenantconfig.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.AuditAction;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.DeleteOutcome;
import io.tenantconfig.domain.port.ExpectedVersion;
import io.tenantconfig.domain.port.SaveOutcome;
import io.tenantconfig.domain.port.TenantConfigPage;
import io.tenantconfig.domain.port.TenantConfigRepository;
import io.tenantconfig.domain.port.TenantConfigStatistics;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps tenant configurations (and the absence of one) in memory in front of the database, so a
 * lookup normally makes no round trip. Kept correct by: dropping a tenant as soon as this instance
 * writes it; dropping it when another instance's write is announced ({@link #changed}); and, as a
 * safety net, forgetting every entry after a bounded time.
 *
 * <p>Memory is used only while announcements are being received ({@link #announcementsRestored}):
 * before the listener is up, and whenever it has lost its connection, every lookup goes to the
 * database, since a change made elsewhere would not be heard of.
 *
 * <p>A load runs under the entry's lock, and dropping an entry waits for a load in progress, so a
 * read that started before a write can never put the old configuration back after the drop.
 */
public final class CachingTenantConfigRepository implements TenantConfigRepository {

    /** The cache and whether it may be used, shared by every view on behalf of an actor. */
    private static final class State {
        final Cache<TenantId, Optional<TenantConfig>> cache;
        volatile boolean announcementsLive;

        State(long maximumSize, Duration expireAfterWrite) {
            cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite).recordStats().build();
        }
    }

    private final TenantConfigRepository database;
    private final State state;
    private final Cache<TenantId, Optional<TenantConfig>> cache;

    public CachingTenantConfigRepository(TenantConfigRepository database, long maximumSize, Duration expireAfterWrite) {
        this(database, new State(maximumSize, expireAfterWrite));
    }

    private CachingTenantConfigRepository(TenantConfigRepository database, State state) {
        this.database = database;
        this.state = state;
        this.cache = state.cache;
    }

    @Override
    public TenantConfigRepository onBehalfOf(Actor actor) {
        return new CachingTenantConfigRepository(database.onBehalfOf(actor), state);
    }

    @Override
    public TenantConfigRepository onBehalfOf(Actor actor, AuditAction deleteAction) {
        return new CachingTenantConfigRepository(database.onBehalfOf(actor, deleteAction), state);
    }

    @Override
    public Optional<TenantConfig> findByTenant(TenantId tenantId) {
        if (!state.announcementsLive) {
            return database.findByTenant(tenantId);
        }
        return cache.get(tenantId, database::findByTenant);
    }

    @Override
    public SaveOutcome insert(TenantConfig config) {
        try {
            return database.insert(config);
        } finally {
            cache.invalidate(config.tenantId());
        }
    }

    @Override
    public SaveOutcome update(TenantConfig changed) {
        try {
            return database.update(changed);
        } finally {
            cache.invalidate(changed.tenantId());
        }
    }

    @Override
    public DeleteOutcome delete(TenantId tenantId, ExpectedVersion expected) {
        try {
            return database.delete(tenantId, expected);
        } finally {
            cache.invalidate(tenantId);
        }
    }

    @Override
    public long deleteAll() {
        try {
            return database.deleteAll();
        } finally {
            cache.invalidateAll();
        }
    }

    @Override
    public TenantConfigPage page(long skip, int limit) {
        return database.page(skip, limit);
    }

    @Override
    public TenantConfigStatistics statistics() {
        return database.statistics();
    }

    /** Another instance changed this tenant's configuration. */
    public void changed(TenantId tenantId) {
        cache.invalidate(tenantId);
    }

    /** Every configuration changed (delete-all on another instance). */
    public void changedAll() {
        cache.invalidateAll();
    }

    /** The listener lost its connection: changes elsewhere go unheard, so stop serving from memory. */
    public void announcementsLost() {
        state.announcementsLive = false;
        cache.invalidateAll();
    }

    /** The listener is (again) receiving every change: start from an empty cache and use it. */
    public void announcementsRestored() {
        cache.invalidateAll();
        state.announcementsLive = true;
    }

    public long hits() {
        return cache.stats().hitCount();
    }

    public long misses() {
        return cache.stats().missCount();
    }

    public long size() {
        return cache.estimatedSize();
    }
}
