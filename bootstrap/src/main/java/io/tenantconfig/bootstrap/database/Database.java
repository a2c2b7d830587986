package io.tenantconfig.bootstrap.database;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.tenantconfig.adapters.persistence.PostgresAdapters;

/**
 * The database as the service uses it: the application's ports on it ({@code adapters}, started
 * and stopped with the server), and the rate limits' buckets every instance shares.
 */
public record Database(PostgresAdapters adapters, ProxyManager<String> rateLimitBuckets) {}
