package io.tenantconfig.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.application.port.out.MetaInstall;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.application.port.out.StoredCredentials;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps tenant configurations (and the absence of one) in memory in front of the database, so a
 * lookup normally makes no round trip: whole configurations for the API's reads, and, for many
 * more tenants, what the loader needs of each ({@link StoredCredentials}). Kept correct by: reading again every tenant a transaction
 * wrote as soon as it has committed, and every tenant whose change another instance announces
 * ({@link #changed}), when it is in memory; and, as a safety net, reading an entry again once it is older than
 * {@code expireAfterWrite}.
 *
 * <p>Memory is trusted only while announcements are being received: before the listener is up,
 * and whenever it has lost its connection, every lookup goes to the database, since a change made
 * elsewhere would not be heard of; once announcements are back, every entry is read again before
 * it is trusted. Entries are not thrown away meanwhile: when the database cannot be reached, the
 * loader ({@link #lastKnown}) answers from them, marked stale since the moment this instance last
 * knew them to be current, for at most {@code maximumStaleness}. Every other caller ({@link #load},
 * writes) gets the {@link StoreUnavailableException}.
 *
 * <p>A load runs under the entry's lock, and reading an entry again (or dropping it) waits for a
 * load in progress, so a read that started before a write can never put the old configuration
 * back after it.
 */
final class CachingConfigStore implements ConfigStore, LastKnownConfigs, ConfigNotificationSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(CachingConfigStore.class);
    /** Once the database was found unreachable, the loader answers from memory this long before asking it again. */
    private static final long RETRY_DATABASE_MILLIS = 1_000;

    private static final Function<Optional<TenantConfig>, Optional<StoredCredentials>> CREDENTIALS =
            config -> config.map(StoredCredentials::of);

    private final ConfigStore database;
    /** Whole configurations, for the API's reads ({@link #load}). */
    private final Cache<TenantId, Entry<Optional<TenantConfig>>> configs;
    /** What the loader needs of each, a third of the size, for many more tenants ({@link #lastKnown}). */
    private final Cache<TenantId, Entry<Optional<StoredCredentials>>> loader;

    private final long expireAfterWriteMillis;
    private final Duration maximumStaleness;
    private final Clock clock;
    private volatile ConfigNotificationSubscriber alsoAfterCommit = ConfigNotificationSubscriber.all();

    /**
     * Counts the stretches of time with and without announcements; an entry read in an earlier
     * stretch is read again before it is trusted.
     */
    private volatile long period;

    private volatile boolean announcementsLive;
    /** The stretch in which announcements were last heard, and when it ended (while not live). */
    private volatile long heardPeriod = -1;

    private volatile Instant heardUntil = Instant.EPOCH;
    /** Until when the loader answers from memory without asking the database (epoch millis). */
    private volatile long askDatabaseAfter;
    /** When the loader began answering from memory; {@code null} while its answers are current. */
    private final AtomicReference<Instant> staleSince = new AtomicReference<>();

    private final AtomicLong staleAnswers = new AtomicLong();
    /** {@link #staleAnswers} when the current stretch of stale answers began. */
    private volatile long staleAnswersBefore;

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** What was read of a configuration (or its absence), in which stretch, whether announcements were heard then, and when. */
    private record Entry<V>(V value, long period, boolean heard, long readAtMillis) {}

    /**
     * @param configsMaximumSize the most whole configurations kept, for the API's reads
     * @param loaderMaximumSize the most tenants whose credentials the loader keeps: every tenant in use
     */
    CachingConfigStore(
            ConfigStore database,
            long configsMaximumSize,
            long loaderMaximumSize,
            Duration expireAfterWrite,
            Duration maximumStaleness,
            Clock clock) {
        this.database = database;
        this.configs = Caffeine.newBuilder().maximumSize(configsMaximumSize).build();
        this.loader = Caffeine.newBuilder().maximumSize(loaderMaximumSize).build();
        this.expireAfterWriteMillis = expireAfterWrite.toMillis();
        this.maximumStaleness = maximumStaleness;
        this.clock = clock;
    }

    /** As many whole configurations as the loader keeps credentials: for tests and benchmarks. */
    CachingConfigStore(
            ConfigStore database, long maximumSize, Duration expireAfterWrite, Duration maximumStaleness, Clock clock) {
        this(database, maximumSize, maximumSize, expireAfterWrite, maximumStaleness, clock);
    }

    /** The current configuration: from memory when it can be trusted, else from the database. */
    @Override
    public Optional<TenantConfig> load(TenantId tenantId) {
        return current(configs, tenantId, Function.identity()).value();
    }

    @Override
    public LastKnown lastKnown(TenantId tenantId) {
        if (clock.millis() < askDatabaseAfter) {
            return fromMemory(tenantId, null);
        }
        try {
            return LastKnown.current(current(loader, tenantId, CREDENTIALS).value());
        } catch (StoreUnavailableException e) {
            askDatabaseAfter = clock.millis() + RETRY_DATABASE_MILLIS;
            return fromMemory(tenantId, e);
        }
    }

    private <V> Entry<V> current(
            Cache<TenantId, Entry<V>> cache, TenantId tenantId, Function<Optional<TenantConfig>, V> keep) {
        Entry<V> cached = cache.getIfPresent(tenantId);
        if (cached != null && trusted(cached)) {
            hits.increment();
            return cached;
        }
        return cache.asMap().compute(tenantId, (id, old) -> {
            if (old != null && trusted(old)) {
                hits.increment();
                return old;
            }
            misses.increment();
            return read(id, keep);
        });
    }

    private <V> Entry<V> read(TenantId tenantId, Function<Optional<TenantConfig>, V> keep) {
        long readingIn = period;
        boolean heard = announcementsLive;
        Entry<V> entry = new Entry<>(keep.apply(database.load(tenantId)), readingIn, heard, clock.millis());
        databaseAnswered();
        return entry;
    }

    private boolean trusted(Entry<?> entry) {
        return announcementsLive
                && entry.period() == period
                && clock.millis() - entry.readAtMillis() < expireAfterWriteMillis;
    }

    /** The copy in memory, while the database cannot be reached; {@code cause} is what the database said, if asked. */
    private LastKnown fromMemory(TenantId tenantId, StoreUnavailableException cause) {
        Entry<Optional<StoredCredentials>> entry = loader.getIfPresent(tenantId);
        if (entry == null) {
            throw new StoreUnavailableException(
                    "the database cannot be reached and this configuration is not in memory", cause);
        }
        Instant since = knownCurrentAt(entry);
        if (Duration.between(since, clock.instant()).compareTo(maximumStaleness) > 0) {
            throw new StoreUnavailableException(
                    "the database cannot be reached and the copy in memory is older than the "
                            + maximumStaleness
                            + " it may be served",
                    cause);
        }
        long answers = staleAnswers.incrementAndGet();
        if (staleSince.compareAndSet(null, clock.instant())) {
            staleAnswersBefore = answers - 1;
            LOG.warn(
                    "The database cannot be reached: the loader answers from memory, marked stale, for at most {}"
                            + " per configuration; every other request answers 503",
                    maximumStaleness);
        }
        return LastKnown.stale(entry.value(), since);
    }

    /**
     * Since when {@code entry} may be out of date: if every announcement was heard from its read
     * on, until they stopped (or now, if they have not); otherwise since it was read.
     */
    private Instant knownCurrentAt(Entry<?> entry) {
        if (entry.heard() && entry.period() == heardPeriod) {
            return announcementsLive ? clock.instant() : heardUntil;
        }
        return Instant.ofEpochMilli(entry.readAtMillis());
    }

    private void databaseAnswered() {
        askDatabaseAfter = 0;
        Instant began = staleSince.getAndSet(null);
        if (began != null) {
            LOG.info(
                    "The database answers again: the loader's answers are current again (stale answers served: {}"
                            + " over {} s)",
                    staleAnswers.get() - staleAnswersBefore,
                    Duration.between(began, clock.instant()).toSeconds());
        }
    }

    /** Runs the work on the database; what it wrote is read again once it has committed (or failed). */
    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        Written written = new Written();
        try {
            return database.inTransaction(tx -> work.apply(new RememberingWrites(tx, written)));
        } finally {
            if (written.all) {
                changedAll();
                alsoAfterCommit.changedAll();
            } else {
                written.tenants.forEach(this::readAgain);
                written.tenants.forEach(alsoAfterCommit::changed);
            }
        }
    }

    /**
     * Tells {@code subscriber} too of every tenant a transaction here wrote, once it has
     * committed (or failed), as the announcement will tell every instance a little later.
     */
    void alsoAfterCommit(ConfigNotificationSubscriber subscriber) {
        this.alsoAfterCommit = subscriber;
    }

    /** A change to this tenant's configuration was announced (by any instance): its copy is out of date. */
    @Override
    public void changed(TenantId tenantId) {
        readAgain(tenantId);
    }

    /**
     * Replaces the copy of a tenant held in memory by what the database has now, or drops it if
     * that cannot be read: a tenant in use keeps a copy to fall back on through an outage that
     * starts right after a change, and an out-of-date copy is never kept.
     */
    private void readAgain(TenantId tenantId) {
        readAgain(configs, tenantId, Function.identity());
        readAgain(loader, tenantId, CREDENTIALS);
    }

    private <V> void readAgain(
            Cache<TenantId, Entry<V>> cache, TenantId tenantId, Function<Optional<TenantConfig>, V> keep) {
        cache.asMap().computeIfPresent(tenantId, (id, outOfDate) -> {
            try {
                return read(id, keep);
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    /** Every configuration changed (delete-all on another instance). */
    @Override
    public void changedAll() {
        configs.invalidateAll();
        loader.invalidateAll();
    }

    /**
     * The listener lost its connection: changes elsewhere go unheard, so lookups go to the
     * database; the copies stay, current as of now, for the loader to fall back on.
     */
    @Override
    public synchronized void announcementsLost() {
        if (!announcementsLive) {
            return;
        }
        heardUntil = clock.instant();
        announcementsLive = false;
        period++;
    }

    /** The listener is (again) receiving every change: each copy is read again before it is trusted. */
    @Override
    public synchronized void announcementsRestored() {
        period++;
        heardPeriod = period;
        announcementsLive = true;
    }

    /** Whether the loader is answering from memory because the database cannot be reached (1) or not (0). */
    int servingStale() {
        return staleSince.get() == null ? 0 : 1;
    }

    /** Loader answers served from memory, marked stale, since start. */
    long staleAnswers() {
        return staleAnswers.get();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /** Whole configurations in memory (an estimate). */
    long size() {
        return configs.estimatedSize();
    }

    /** Tenants whose credentials the loader holds (an estimate). */
    long loaderSize() {
        return loader.estimatedSize();
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
        public void requestAppDataSync(AppDataSync sync) {
            tx.requestAppDataSync(sync);
        }

        @Override
        public boolean receive(StoredWebhookChange change) {
            return tx.receive(change);
        }

        @Override
        public MetaInstall.Attachment attachToSignup(
                StoredWebhookChange change, MetaInstall install, Instant notBefore) {
            return tx.attachToSignup(change, install, notBefore);
        }

        @Override
        public Map<Template.Key, Template> lockTemplates(MetaId wabaId) {
            return tx.lockTemplates(wabaId);
        }

        @Override
        public void replaceTemplates(MetaId wabaId, List<Template> templates, Instant readAt) {
            tx.replaceTemplates(wabaId, templates, readAt);
        }

        @Override
        public void saveTemplate(MetaId wabaId, Template template, Instant at) {
            tx.saveTemplate(wabaId, template, at);
        }
    }
}
