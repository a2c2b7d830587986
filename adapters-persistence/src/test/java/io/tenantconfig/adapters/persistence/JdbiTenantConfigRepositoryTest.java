package io.tenantconfig.adapters.persistence;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.persistence.testing.TestKeys;
import io.tenantconfig.application.fixtures.TenantConfigRepositoryContract;
import io.tenantconfig.domain.port.AuditTrail;
import io.tenantconfig.domain.port.TenantConfigRepository;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract against a real PostgreSQL. */
class JdbiTenantConfigRepositoryTest extends TenantConfigRepositoryContract {

    private static Jdbi jdbi;

    @BeforeAll
    static void migrateOnce() {
        jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
    }

    @Override
    protected TenantConfigRepository emptyRepository() {
        jdbi.useHandle(handle -> handle.execute("TRUNCATE tenant_configs, tenant_config_audit RESTART IDENTITY"));
        return new JdbiTenantConfigRepository(jdbi, TestKeys.cipher());
    }

    @Override
    protected AuditTrail auditTrail() {
        return new JdbiAuditTrail(jdbi);
    }
}
