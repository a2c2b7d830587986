package io.tenantconfig.bootstrap.database;

import java.time.Duration;

/**
 * How the in-memory copy of the configurations is bounded: at most {@code maximumSize} tenants,
 * each forgotten {@code expireAfterWrite} after it was loaded, and how long the change listener
 * waits before reconnecting.
 */
public record CacheSettings(long maximumSize, Duration expireAfterWrite, Duration listenerReconnectDelay) {}
