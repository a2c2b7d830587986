package io.tenantconfig.adapters.persistence;

import io.tenantconfig.adapters.persistence.crypto.SecretCipher;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigPage;
import io.tenantconfig.application.port.out.ConfigStatistics;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Tenant configurations in PostgreSQL (see migrations.xml): one row each in {@code tenant_configs},
 * mapped by {@link TenantConfigRow}. Every write also announces its tenant on
 * {@link ConfigChanges#CHANNEL}, inside its transaction, so other instances hear of it only once it
 * has committed.
 */
public final class JdbiConfigStore implements ConfigStore, ConfigCatalog {

    private static final String BY_TENANT = TenantConfigRow.SELECT + " WHERE tenant_id = :tenantId";

    private static final String PAGE = TenantConfigRow.SELECT + " ORDER BY id LIMIT :limit OFFSET :skip";

    private static final String COUNT = "SELECT count(*) FROM " + TenantConfigRow.TABLE;

    private static final String STATISTICS = """
            SELECT count(*)                                         AS total,
                   count(*) FILTER (WHERE is_active)                AS active,
                   count(*) FILTER (WHERE NOT is_active)            AS inactive,
                   count(*) FILTER (WHERE onboarding_completed)     AS onboarded,
                   count(*) FILTER (WHERE NOT onboarding_completed) AS pending_onboarding
            FROM tenant_configs""";

    private final Jdbi jdbi;
    private final SecretCipher cipher;

    /** @param cipher encrypts every secret column before it reaches the database */
    public JdbiConfigStore(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        jdbi.registerRowMapper(TenantConfigRow.class, TenantConfigRow::map);
        // Statement exceptions would otherwise quote the bound arguments, ciphertexts included,
        // into every log line that prints them.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    @Override
    public Optional<TenantConfig> load(TenantId tenantId) {
        return Availability.available(() -> jdbi.withHandle(handle -> select(handle, BY_TENANT, tenantId)))
                .map(row -> row.toConfig(cipher, false));
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return Availability.available(() -> jdbi.inTransaction(handle -> work.apply(new JdbiTransaction(handle))));
    }

    @Override
    public ConfigPage page(long skip, int limit) {
        // One snapshot for both statements, so the total matches the page.
        return Availability.available(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long total = handle.createQuery(COUNT).mapTo(Long.class).one();
            List<TenantConfig> configs = handle.createQuery(PAGE)
                    .bind("limit", limit)
                    .bind("skip", skip)
                    .mapTo(TenantConfigRow.class)
                    .map(row -> row.toConfig(cipher, false))
                    .list();
            return new ConfigPage(total, configs);
        }));
    }

    @Override
    public ConfigStatistics statistics() {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(STATISTICS)
                .map((rs, ctx) -> new ConfigStatistics(
                        rs.getLong("total"),
                        rs.getLong("active"),
                        rs.getLong("inactive"),
                        rs.getLong("onboarded"),
                        rs.getLong("pending_onboarding")))
                .one()));
    }

    private static Optional<TenantConfigRow> select(Handle handle, String sql, TenantId tenantId) {
        return handle.createQuery(sql)
                .bind("tenantId", tenantId.value())
                .mapTo(TenantConfigRow.class)
                .findOne();
    }

    private final class JdbiTransaction implements Transaction {

        private final Handle handle;

        JdbiTransaction(Handle handle) {
            this.handle = handle;
        }

        @Override
        public Optional<TenantConfig> lock(TenantId tenantId) {
            return select(handle, BY_TENANT + " FOR UPDATE", tenantId).map(row -> row.toConfig(cipher, false));
        }

        @Override
        public Optional<TenantConfig> lockForDeletion(TenantId tenantId) {
            return select(handle, BY_TENANT + " FOR UPDATE", tenantId).map(row -> row.toConfig(cipher, true));
        }

        @Override
        public Optional<TenantConfig> insertIfAbsent(TenantConfig config) {
            Optional<TenantConfigRow> inserted = TenantConfigRow.of(config, cipher)
                    .bindTo(handle.createQuery(TenantConfigRow.INSERT))
                    .mapTo(TenantConfigRow.class)
                    .findOne();
            inserted.ifPresent(row -> announce(row.tenantId()));
            return inserted.map(row -> row.toConfig(cipher, false));
        }

        @Override
        public TenantConfig save(TenantConfig changed) {
            TenantConfigRow saved = TenantConfigRow.of(changed, cipher)
                    .bindTo(handle.createQuery(TenantConfigRow.UPDATE))
                    .mapTo(TenantConfigRow.class)
                    .findOne()
                    .orElseThrow(() -> new IllegalStateException("the configuration of " + changed.tenantId()
                            + " was saved without being locked at version " + changed.version()));
            announce(saved.tenantId());
            return saved.toConfig(cipher, false);
        }

        @Override
        public void delete(TenantConfig locked) {
            int deleted = handle.createUpdate("DELETE FROM tenant_configs WHERE id = :id AND version = :version")
                    .bind("id", locked.id())
                    .bind("version", locked.version())
                    .execute();
            if (deleted != 1) {
                throw new IllegalStateException("the configuration of " + locked.tenantId()
                        + " was deleted without being locked at version " + locked.version());
            }
            announce(locked.tenantId().value());
        }

        @Override
        public long deleteAll() {
            long deleted = handle.createUpdate("DELETE FROM tenant_configs").execute();
            announce(ConfigChanges.ALL_TENANTS);
            return deleted;
        }

        @Override
        public void record(AuditEntry entry) {
            JdbiAuditLog.insert(handle, entry);
        }

        /**
         * Tells every instance's cache that a tenant's configuration changed. PostgreSQL delivers
         * it when (and only if) the transaction commits.
         */
        private void announce(String tenant) {
            handle.createQuery("SELECT pg_notify(:channel, :tenant)")
                    .bind("channel", ConfigChanges.CHANNEL)
                    .bind("tenant", tenant)
                    .mapToMap()
                    .list();
        }
    }
}
