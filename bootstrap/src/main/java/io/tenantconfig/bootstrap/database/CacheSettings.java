package io.tenantconfig.bootstrap.database;

import java.time.Duration;

/**
 * How the in-memory copy of the configurations is bounded and kept current: at most
 * {@code maximumSize} tenants, each read again {@code expireAfterWrite} after it was read, how long
 * the change listener waits before reconnecting, and how long the loader answers from the copy,
 * marked stale, while the database cannot be reached.
 */
public record CacheSettings(
        long maximumSize, Duration expireAfterWrite, Duration listenerReconnectDelay, Duration maximumStaleness) {}
