package io.tenantconfig.adapters.persistence;

import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link ConfigNotifications#CHANNEL} on a connection of its own and tells the copies kept in
 * memory (the configuration cache, the number index) about every change any instance commits,
 * typically within milliseconds. While its connection is lost they are bypassed; once it is back,
 * they start afresh, since announcements made meanwhile are gone.
 */
final class ConfigNotificationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigNotificationListener.class);
    private static final int POLL_MILLIS = 250;
    /** A connection that died silently is only noticed when used: check it this often. */
    private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    /** Opens a new connection to the database. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory connections;
    private final ConfigNotificationSubscriber subscribers;
    private final Duration reconnectDelay;
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    ConfigNotificationListener(
            ConnectionFactory connections, ConfigNotificationSubscriber subscribers, Duration reconnectDelay) {
        this.connections = connections;
        this.subscribers = subscribers;
        this.reconnectDelay = reconnectDelay;
    }

    /** Starts listening; returns once the first LISTEN is in place (or has failed and is being retried). */
    synchronized void start() {
        running = true;
        boolean listening = listen();
        if (listening) {
            subscribers.announcementsRestored();
        }
        thread = new Thread(() -> run(listening), "tenant-config-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        subscribers.announcementsLost();
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
        closeQuietly();
    }

    /** Announcements received since start. */
    long notificationsReceived() {
        return notifications.get();
    }

    /** Whether every change is being heard of now (the cache is in use). */
    boolean isListening() {
        return connection != null;
    }

    /** Times the connection was re-established after being lost. */
    long reconnects() {
        return reconnects.get();
    }

    private void run(boolean listening) {
        boolean connected = listening;
        long lastCheck = System.nanoTime();
        while (running) {
            if (!connected) {
                sleep(reconnectDelay);
                if (!running) {
                    break;
                }
                connected = listen();
                if (connected) {
                    reconnects.incrementAndGet();
                    subscribers.announcementsRestored();
                    LOG.info("Listening for configuration changes again; the cache starts afresh");
                }
                continue;
            }
            try {
                if (System.nanoTime() - lastCheck > CHECK_EVERY_NANOS) {
                    try (Statement check = connection.createStatement()) {
                        check.execute("SELECT 1");
                    }
                    lastCheck = System.nanoTime();
                }
                PGNotification[] received =
                        connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (received != null) {
                    for (PGNotification notification : received) {
                        apply(notification.getParameter());
                        // Counted once applied: a count seen means the copies have heard of it.
                        notifications.incrementAndGet();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Lost the configuration change listener's connection ({}); reconnecting", e.getSQLState());
                    subscribers.announcementsLost();
                    closeQuietly();
                    connected = false;
                }
            }
        }
    }

    private void apply(String payload) {
        if (payload == null || payload.equals(ConfigNotifications.ALL_TENANTS)) {
            subscribers.changedAll();
            return;
        }
        try {
            subscribers.changed(TenantId.of(payload));
        } catch (InvalidValueException e) {
            subscribers.changedAll();
        }
    }

    private boolean listen() {
        try {
            Connection opened = connections.open();
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + ConfigNotifications.CHANNEL);
            }
            connection = opened;
            return true;
        } catch (SQLException e) {
            LOG.warn(
                    "Cannot listen for configuration changes yet ({}); retrying in {} ms",
                    e.getSQLState(),
                    reconnectDelay.toMillis());
            return false;
        }
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listener connection failed", e);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
