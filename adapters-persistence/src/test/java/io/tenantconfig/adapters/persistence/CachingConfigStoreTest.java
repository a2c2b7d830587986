package io.tenantconfig.adapters.persistence;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.ConfigStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;

/**
 * The cache in front of PostgreSQL keeps every promise of the store contract, and so does the
 * number index in memory, told of this instance's writes as they commit.
 */
class CachingConfigStoreTest extends ConfigStoreContract {

    private static Jdbi jdbi;

    @BeforeAll
    static void migrateOnce() {
        jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
    }

    @Override
    protected Stores emptyStores() {
        jdbi.useHandle(handle -> handle.execute(
                "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health, events, tenant_config_audit,"
                        + " webhook_changes RESTART IDENTITY"));
        JdbiConfigStore database = new JdbiConfigStore(jdbi, TestKeys.cipher());
        CachingConfigStore cache = new CachingConfigStore(
                database, 1_000, Duration.ofMinutes(5), Duration.ofMinutes(15), Clock.systemUTC());
        NumberIndex index = new NumberIndex(new JdbiNumberDirectory(jdbi));
        cache.alsoAfterCommit(index);
        cache.announcementsRestored();
        index.announcementsRestored();
        return new Stores(
                cache,
                database,
                new JdbiAuditLog(jdbi),
                index,
                new JdbiHealthStore(jdbi, Clock.systemUTC(), Duration.ofHours(6)),
                index,
                new JdbiWebhookInbox(jdbi));
    }
}
