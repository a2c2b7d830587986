package io.tenantconfig.adapters.persistence;

import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * What an index keeps in memory of PostgreSQL, and how it stays right: loaded whole when the
 * configuration announcements start (and again after they were lost or all changed), and one
 * tenant's part read again for each committed change announced on
 * {@link ConfigNotifications#CHANNEL}. While announcements are not heard, or the memory could not
 * be loaded or updated, {@link #current} is {@code null} and the index answers from the database;
 * a load is retried at most once a second. Loads and updates run one at a time. The number index
 * and the template index are each one of these.
 *
 * @param <M> what is held; its parts are replaced whole, so a reader sees one state or the next
 */
abstract class AnnouncedMemory<M> implements ConfigNotificationSubscriber {

    private static final long RETRY_LOAD_NANOS = Duration.ofSeconds(1).toNanos();

    private final Logger log;
    private final String changedPart;
    private final String whole;
    private final Object updates = new Object();
    private volatile boolean announcementsLive;
    /** {@code null} while not loaded. */
    private volatile M memory;
    /** Guarded by {@link #updates}. */
    private long lastLoadAttempt;

    private boolean loadAttempted;

    /**
     * @param changedPart what one tenant's re-read reads, for the log ("numbers")
     * @param whole what a load reads, for the log ("who owns which phone number")
     */
    AnnouncedMemory(Logger log, String changedPart, String whole) {
        this.log = log;
        this.changedPart = changedPart;
        this.whole = whole;
    }

    /** Everything, read from the database; throws when it cannot be. */
    abstract M loadAll();

    /** The tenant's part of {@code memory} read again from the database; throws when it cannot be. */
    abstract void reread(M memory, TenantId tenantId);

    /** The memory to answer from; {@code null} when the database has to answer. */
    final M current() {
        if (!announcementsLive) {
            return null;
        }
        M current = memory;
        return current != null ? current : loadIfDue();
    }

    /** What is held now, answering or not ({@code null} while not loaded): for the gauges. */
    final M held() {
        return memory;
    }

    /** Whether answers come from memory now. */
    final boolean isServingFromMemory() {
        return announcementsLive && memory != null;
    }

    @Override
    public final void changed(TenantId tenantId) {
        synchronized (updates) {
            M current = memory;
            if (current == null) {
                return;
            }
            try {
                reread(current, tenantId);
            } catch (RuntimeException e) {
                // The change is not in memory: answer from the database until a load succeeds.
                memory = null;
                log.warn(
                        "Could not re-read the {} of a changed configuration ({}); answering from the database"
                                + " until they load",
                        changedPart,
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public final void changedAll() {
        synchronized (updates) {
            memory = null;
            load();
        }
    }

    @Override
    public final void announcementsLost() {
        announcementsLive = false;
        memory = null;
    }

    @Override
    public final void announcementsRestored() {
        synchronized (updates) {
            memory = null;
            load();
        }
        announcementsLive = true;
    }

    private M loadIfDue() {
        synchronized (updates) {
            if (memory == null && (!loadAttempted || System.nanoTime() - lastLoadAttempt > RETRY_LOAD_NANOS)) {
                load();
            }
            return memory;
        }
    }

    /** Reads everything (under {@link #updates}); on failure the memory stays unloaded. */
    private void load() {
        loadAttempted = true;
        lastLoadAttempt = System.nanoTime();
        try {
            memory = loadAll();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not load {} ({}); answering from the database meanwhile",
                    whole,
                    e.getClass().getSimpleName());
        }
    }
}
