package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tenant's numbers, accounts (each of them, not only the primary one) and webhook key in memory, so that "whose is this number?"
 * (asked for each inbound webhook) costs two map lookups, an unknown number included, whatever arrives from
 * outside. Loaded whole when announcements start (and again after they were lost), and kept right
 * by re-reading one tenant's ownership for each committed change: announced by any instance, and
 * told directly by this instance's own writes, so a caller reads its own write at once.
 *
 * <p>While announcements are not heard, or the memory could not be loaded or updated, answers
 * come from the database; a load is retried at most once a second. Updates run one at a time and
 * each replaces a tenant's entries key by key, so a reader sees the old owner or the new one,
 * never a gap.
 */
final class NumberIndex implements NumberDirectory, WebhookKeys, ConfigNotificationSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(NumberIndex.class);
    private static final long RETRY_LOAD_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbiNumberDirectory database;
    private final Object updates = new Object();
    private volatile boolean announcementsLive;
    /** {@code null} while not loaded. */
    private volatile Memory memory;
    /** Guarded by {@link #updates}. */
    private long lastLoadAttempt;

    private boolean loadAttempted;

    NumberIndex(JdbiNumberDirectory database) {
        this.database = database;
    }

    @Override
    public Optional<NumberOwner> ownerOfNumber(MetaId phoneNumberId) {
        Memory current = current();
        if (current == null) {
            return database.ownerOfNumber(phoneNumberId);
        }
        Ownership ownership = current.byNumber.get(phoneNumberId);
        return ownership == null ? Optional.empty() : ownership.ofNumber(phoneNumberId);
    }

    @Override
    public Optional<NumberOwner> ownerOfAccount(MetaId wabaId) {
        Memory current = current();
        if (current == null) {
            return database.ownerOfAccount(wabaId);
        }
        return Optional.ofNullable(current.byAccount.get(wabaId)).flatMap(ownership -> ownership.ofAccount(wabaId));
    }

    @Override
    public Optional<TenantId> tenantOfKey(String key) {
        Memory current = current();
        if (current == null) {
            return database.tenantOfKey(key);
        }
        return Optional.ofNullable(current.byKey.get(key)).map(Ownership::tenantId);
    }

    @Override
    public Optional<String> keyOf(TenantId tenantId) {
        Memory current = current();
        if (current == null) {
            return database.keyOf(tenantId);
        }
        return Optional.ofNullable(current.byTenant.get(tenantId)).map(Ownership::webhookKey);
    }

    /** Whether answers come from memory now. */
    boolean isServingFromMemory() {
        return announcementsLive && memory != null;
    }

    /** Tenants held in memory (0 while not loaded). */
    long size() {
        Memory current = memory;
        return current == null ? 0 : current.byTenant.size();
    }

    @Override
    public void changed(TenantId tenantId) {
        synchronized (updates) {
            Memory current = memory;
            if (current == null) {
                return;
            }
            try {
                current.replace(tenantId, database.ownershipOf(tenantId).orElse(null));
            } catch (RuntimeException e) {
                // The change is not in memory: answer from the database until a load succeeds.
                memory = null;
                LOG.warn(
                        "Could not re-read the numbers of a changed configuration ({}); answering from the"
                                + " database until they load",
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void changedAll() {
        synchronized (updates) {
            memory = null;
            load();
        }
    }

    @Override
    public void announcementsLost() {
        announcementsLive = false;
        memory = null;
    }

    @Override
    public void announcementsRestored() {
        synchronized (updates) {
            memory = null;
            load();
        }
        announcementsLive = true;
    }

    /** The memory to answer from; {@code null} when the database has to answer. */
    private Memory current() {
        if (!announcementsLive) {
            return null;
        }
        Memory current = memory;
        return current != null ? current : loadIfDue();
    }

    private Memory loadIfDue() {
        synchronized (updates) {
            if (memory == null && (!loadAttempted || System.nanoTime() - lastLoadAttempt > RETRY_LOAD_NANOS)) {
                load();
            }
            return memory;
        }
    }

    /** Reads every ownership (under {@link #updates}); on failure the memory stays unloaded. */
    private void load() {
        loadAttempted = true;
        lastLoadAttempt = System.nanoTime();
        try {
            Memory loaded = new Memory();
            database.forEachOwnership(ownership -> loaded.replace(ownership.tenantId(), ownership));
            memory = loaded;
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not load who owns which phone number ({}); answering from the database meanwhile",
                    e.getClass().getSimpleName());
        }
    }

    /** The four views of the same ownerships. */
    private static final class Memory {
        final Map<TenantId, Ownership> byTenant = new ConcurrentHashMap<>();
        final Map<MetaId, Ownership> byNumber = new ConcurrentHashMap<>();
        final Map<MetaId, Ownership> byAccount = new ConcurrentHashMap<>();
        final Map<String, Ownership> byKey = new ConcurrentHashMap<>();

        /**
         * The tenant now owns {@code next} ({@code null}: nothing). New keys are written before
         * old ones are removed, and a key is removed only while it still points at this tenant's
         * old entry: a number that moved to another tenant in the meantime stays with that one.
         */
        void replace(TenantId tenantId, Ownership next) {
            Ownership previous = next == null ? byTenant.remove(tenantId) : byTenant.put(tenantId, next);
            if (next != null) {
                next.numbers().keySet().forEach(number -> byNumber.put(number, next));
                next.wabaIds().forEach(account -> byAccount.put(account, next));
                byKey.put(next.webhookKey(), next);
            }
            if (previous != null) {
                previous.numbers().keySet().stream()
                        .filter(number -> next == null || !next.numbers().containsKey(number))
                        .forEach(number -> byNumber.remove(number, previous));
                previous.wabaIds().stream()
                        .filter(account -> next == null || !next.wabaIds().contains(account))
                        .forEach(account -> byAccount.remove(account, previous));
                if (next == null || !previous.webhookKey().equals(next.webhookKey())) {
                    byKey.remove(previous.webhookKey(), previous);
                }
            }
        }
    }
}
