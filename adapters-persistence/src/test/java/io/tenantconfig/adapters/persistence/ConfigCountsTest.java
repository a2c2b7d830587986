package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The counts that changeSet 14 keeps in {@code tenant_config_counts} always equal counting the
 * rows, whatever statement changed them and however many ran at once.
 */
class ConfigCountsTest {

    private static Map<String, Object> kept(Jdbi jdbi) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT sum(total) AS total, sum(active) AS active, sum(onboarded) AS onboarded"
                                + " FROM tenant_config_counts")
                        .mapToMap()
                        .one());
    }

    private static Map<String, Object> counted(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*)::numeric AS total,"
                        + " (count(*) FILTER (WHERE is_active))::numeric AS active,"
                        + " (count(*) FILTER (WHERE onboarding_completed))::numeric AS onboarded FROM tenant_configs")
                .mapToMap()
                .one());
    }

    private static void insert(Jdbi jdbi, String tenant, boolean active, boolean completed) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO tenant_configs (tenant_id, is_active, onboarding_status,"
                        + " onboarding_completed) VALUES (:tenant, :active, :status, :completed)")
                .bind("tenant", tenant)
                .bind("active", active)
                .bind("status", completed ? "COMPLETED" : "NOT_STARTED")
                .bind("completed", completed)
                .execute());
    }

    @Test
    void the_counts_start_from_the_rows_there_are_and_follow_every_kind_of_statement() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.rollback(1, ""));
        for (int i = 0; i < 20; i++) {
            insert(jdbi, "before-" + i, i % 3 != 0, i % 4 == 0);
        }
        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi)).containsEntry("total", new java.math.BigDecimal(20));

        insert(jdbi, "one", true, true);
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        jdbi.useHandle(h -> h.execute(
                "INSERT INTO tenant_configs (tenant_id) SELECT 'many-' || n FROM" + " generate_series(1, 40) AS n"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('one') ON CONFLICT DO NOTHING"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET is_active = NOT is_active WHERE id % 3 = 0"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET onboarding_status = 'COMPLETED',"
                + " onboarding_completed = true WHERE tenant_id LIKE 'many-1%'"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET verify_token = 'v'"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        jdbi.useHandle(h -> h.execute("DELETE FROM tenant_configs WHERE id % 5 = 0"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        jdbi.useHandle(h -> h.execute("DELETE FROM tenant_configs"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi)).containsEntry("total", new java.math.BigDecimal(0));
        insert(jdbi, "again", true, false);
        jdbi.useHandle(h -> h.execute("TRUNCATE tenant_configs CASCADE"));
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
        insert(jdbi, "after-truncate", false, false);
        assertThat(kept(jdbi)).isEqualTo(counted(jdbi)).containsEntry("total", new java.math.BigDecimal(1));
    }

    private static long keptAccounts(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sum(accounts) FROM tenant_config_counts")
                .mapTo(Long.class)
                .one());
    }

    private static long countedAccounts(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM whatsapp_accounts")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void the_accounts_are_counted_from_the_migration_on_and_follow_inserts_deletes_cascades_and_truncates() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.rollback("schema-21", ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id, waba_id) SELECT 'before-' || n,"
                + " (5000 + n)::text FROM generate_series(1, 12) AS n"));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('no-account')"));
        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(keptAccounts(jdbi)).isEqualTo(countedAccounts(jdbi)).isEqualTo(12);

        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id) SELECT id, (7000 + id)::text"
                + " FROM tenant_configs"));
        assertThat(keptAccounts(jdbi)).isEqualTo(countedAccounts(jdbi)).isEqualTo(25);
        jdbi.useHandle(h -> h.execute("UPDATE whatsapp_accounts SET token_type = 'USER'"));
        jdbi.useHandle(h -> h.execute("DELETE FROM whatsapp_accounts WHERE waba_id LIKE '7%' AND id % 2 = 0"));
        assertThat(keptAccounts(jdbi)).isEqualTo(countedAccounts(jdbi));
        jdbi.useHandle(h -> h.execute("DELETE FROM tenant_configs WHERE tenant_id LIKE 'before-1%'"));
        assertThat(keptAccounts(jdbi)).isEqualTo(countedAccounts(jdbi));
        jdbi.useHandle(h -> h.execute("TRUNCATE tenant_configs CASCADE"));
        assertThat(keptAccounts(jdbi)).isEqualTo(countedAccounts(jdbi)).isZero();
    }

    @Test
    void writers_at_once_neither_wait_for_each_other_forever_nor_lose_a_count() throws Exception {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = database.pooledJdbi();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                work.add(() -> {
                    for (int i = 0; i < 50; i++) {
                        String tenant = "w" + writer + "-" + i;
                        insert(jdbi, tenant, true, false);
                        if (i % 2 == 0) {
                            String earlier = "w" + writer + "-" + (i / 2);
                            jdbi.useTransaction(h -> {
                                h.execute("UPDATE tenant_configs SET is_active = false WHERE tenant_id = ?", tenant);
                                h.execute("DELETE FROM tenant_configs WHERE tenant_id = ?", earlier);
                            });
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : writers.invokeAll(work)) {
                done.get();
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(kept(jdbi)).isEqualTo(counted(jdbi));
    }
}
