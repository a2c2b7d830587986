package io.tenantconfig.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.ReceivedChange;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps tenant configurations (and the absence of one) in memory in front of the database, so a
 * lookup normally makes no round trip. Kept correct by: dropping every tenant a transaction wrote
 * as soon as it has committed; dropping a tenant when another instance's write is announced
 * ({@link #changed}); and, as a safety net, forgetting every entry after a bounded time.
 *
 * <p>Memory is used only while announcements are being received ({@link #announcementsRestored}):
 * before the listener is up, and whenever it has lost its connection, every lookup goes to the
 * database, since a change made elsewhere would not be heard of.
 *
 * <p>A load runs under the entry's lock, and dropping an entry waits for a load in progress, so a
 * read that started before a write can never put the old configuration back after the drop.
 */
public final class CachingConfigStore implements ConfigStore, ConfigChangeSubscriber {

    private final ConfigStore database;
    private final Cache<TenantId, Optional<TenantConfig>> cache;
    private volatile boolean announcementsLive;
    private volatile ConfigChangeSubscriber alsoAfterCommit = ConfigChangeSubscriber.all();

    public CachingConfigStore(ConfigStore database, long maximumSize, Duration expireAfterWrite, Ticker ticker) {
        this.database = database;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(expireAfterWrite)
                .ticker(ticker)
                .recordStats()
                .build();
    }

    @Override
    public Optional<TenantConfig> load(TenantId tenantId) {
        if (!announcementsLive) {
            return database.load(tenantId);
        }
        return cache.get(tenantId, database::load);
    }

    /** Runs the work on the database; what it wrote is dropped from memory once it has committed (or failed). */
    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        Written written = new Written();
        try {
            return database.inTransaction(tx -> work.apply(new RememberingWrites(tx, written)));
        } finally {
            if (written.all) {
                cache.invalidateAll();
                alsoAfterCommit.changedAll();
            } else {
                cache.invalidateAll(written.tenants);
                written.tenants.forEach(alsoAfterCommit::changed);
            }
        }
    }

    /**
     * Tells {@code subscriber} too of every tenant a transaction here wrote, once it has
     * committed (or failed), as the announcement will tell every instance a little later.
     */
    public void alsoAfterCommit(ConfigChangeSubscriber subscriber) {
        this.alsoAfterCommit = subscriber;
    }

    /** A change to this tenant's configuration was announced (by any instance). */
    @Override
    public void changed(TenantId tenantId) {
        cache.invalidate(tenantId);
    }

    /** Every configuration changed (delete-all on another instance). */
    @Override
    public void changedAll() {
        cache.invalidateAll();
    }

    /** The listener lost its connection: changes elsewhere go unheard, so stop serving from memory. */
    @Override
    public void announcementsLost() {
        announcementsLive = false;
        cache.invalidateAll();
    }

    /** The listener is (again) receiving every change: start from an empty cache and use it. */
    @Override
    public void announcementsRestored() {
        cache.invalidateAll();
        announcementsLive = true;
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

    /** The tenants a transaction wrote, or all of them. */
    private static final class Written {
        final Set<TenantId> tenants = new HashSet<>();
        boolean all;
    }

    private record RememberingWrites(Transaction tx, Written written) implements Transaction {

        @Override
        public Optional<TenantConfig> lock(TenantId tenantId) {
            return tx.lock(tenantId);
        }

        @Override
        public Optional<TenantConfig> lockForDeletion(TenantId tenantId) {
            return tx.lockForDeletion(tenantId);
        }

        @Override
        public Optional<TenantConfig> insertIfAbsent(TenantConfig config) {
            written.tenants.add(config.tenantId());
            return tx.insertIfAbsent(config);
        }

        @Override
        public TenantConfig save(TenantConfig changed) {
            written.tenants.add(changed.tenantId());
            return tx.save(changed);
        }

        @Override
        public void delete(TenantConfig locked) {
            written.tenants.add(locked.tenantId());
            tx.delete(locked);
        }

        @Override
        public long deleteAll() {
            written.all = true;
            return tx.deleteAll();
        }

        @Override
        public void record(AuditEntry entry) {
            tx.record(entry);
        }

        @Override
        public void publish(PlatformEvent event) {
            tx.publish(event);
        }

        @Override
        public boolean receive(ReceivedChange change) {
            return tx.receive(change);
        }
    }
}
