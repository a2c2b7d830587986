package io.tenantconfig.adapters.persistence;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.ConfigStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against a real PostgreSQL, the numbers' owners read from it too. */
class JdbiConfigStoreTest extends ConfigStoreContract {

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
        JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());
        return new Stores(
                store,
                store,
                new JdbiAuditLog(jdbi),
                new JdbiNumberDirectory(jdbi),
                new JdbiHealthStore(jdbi, Clock.systemUTC(), Duration.ofHours(6)),
                new JdbiNumberDirectory(jdbi),
                new JdbiWebhookInbox(jdbi));
    }
}
