package io.tenantconfig.adapters.persistence;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.persistence.testing.TestKeys;
import io.tenantconfig.application.fixtures.TenantConfigRepositoryContract;
import io.tenantconfig.domain.port.AuditTrail;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;

/** The cache in front of PostgreSQL keeps every promise of the repository contract. */
class CachingTenantConfigRepositoryContractTest extends TenantConfigRepositoryContract {

    private static Jdbi jdbi;

    @BeforeAll
    static void migrateOnce() {
        jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
    }

    @Override
    protected TenantConfigRepository emptyRepository() {
        jdbi.useHandle(handle -> handle.execute("TRUNCATE tenant_configs, tenant_config_audit RESTART IDENTITY"));
        CachingTenantConfigRepository cache =
                new CachingTenantConfigRepository(new JdbiTenantConfigRepository(jdbi, TestKeys.cipher()), 1_000, Duration.ofMinutes(5));
        cache.announcementsRestored();
        return cache;
    }

    @Override
    protected AuditTrail auditTrail() {
        return new JdbiAuditTrail(jdbi);
    }
}
