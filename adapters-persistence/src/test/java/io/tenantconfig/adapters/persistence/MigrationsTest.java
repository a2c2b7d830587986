package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static List<String> tables(TestDatabase database) {
        return Jdbi.create(database.dataSource()).withHandle(h -> h.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                + " AND table_name NOT LIKE 'databasechangelog%' ORDER BY table_name")
                .mapTo(String.class).list());
    }

    @Test
    void migrating_rolling_everything_back_and_migrating_again_all_succeed() {
        TestDatabase database = TestDatabase.empty();

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(tables(database)).containsExactly("tenant_config_audit", "tenant_configs");

        database.withLiquibase(liquibase -> liquibase.rollback(100, ""));
        assertThat(tables(database)).isEmpty();

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(tables(database)).containsExactly("tenant_config_audit", "tenant_configs");
    }

    @Test
    void the_database_refuses_a_second_config_for_a_tenant_and_ids_that_are_not_digits() {
        Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
        String insert = "INSERT INTO tenant_configs (tenant_id, waba_id, phone_number_id) VALUES (?, ?, ?)";

        jdbi.useHandle(h -> h.execute(insert, "acme", "123", "456"));

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "acme", "789", "456")))
                .hasMessageContaining("uq_tenant_configs_tenant_id");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "globex", "12; DROP", "456")))
                .hasMessageContaining("ck_tenant_configs_waba_id");
    }

    @Test
    void a_row_written_with_only_the_required_columns_gets_the_documented_defaults() {
        Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());

        jdbi.useHandle(h -> h.execute(
                "INSERT INTO tenant_configs (tenant_id, waba_id, phone_number_id) VALUES ('acme', '1', '2')"));

        var row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT is_active, onboarding_completed, onboarding_status, version, created_at IS NOT NULL AS stamped"
                                + " FROM tenant_configs WHERE tenant_id = 'acme'")
                .mapToMap().one());
        assertThat(row).containsEntry("is_active", true)
                .containsEntry("onboarding_completed", false)
                .containsEntry("onboarding_status", "NOT_STARTED")
                .containsEntry("version", 1)
                .containsEntry("stamped", true);
    }
}
