package io.tenantconfig.bootstrap.database;

import java.time.Duration;

/**
 * How the in-memory copies of the configurations are bounded and kept current: at most
 * {@code maximumSize} whole configurations and {@code loaderMaximumSize} tenants' credentials
 * for the loader, each read again {@code expireAfterWrite} after it was read, how long
 * the change listener waits before reconnecting, and how long the loader answers from the copy,
 * marked stale, while the database cannot be reached.
 */
public record CacheSettings(
        long maximumSize,
        long loaderMaximumSize,
        Duration expireAfterWrite,
        Duration listenerReconnectDelay,
        Duration maximumStaleness) {}
