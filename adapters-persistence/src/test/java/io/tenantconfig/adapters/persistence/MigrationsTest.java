package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The changelog on a real PostgreSQL: forward, back and forward again, with rows in the tables. */
class MigrationsTest {

    /** The changesets before this service let the Meta ids be empty and derived onboarding_completed. */
    private static final int CHANGESETS_OF_THE_FIRST_RELEASE = 4;

    private static List<String> tables(TestDatabase database) {
        return Jdbi.create(database.dataSource())
                .withHandle(h -> h.createQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                        + " AND table_name NOT LIKE 'databasechangelog%' ORDER BY table_name")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> appliedChangeSets(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")
                .mapTo(String.class)
                .list());
    }

    private static List<Map<String, Object>> rows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, waba_id, phone_number_id, onboarding_status,"
                        + " onboarding_completed, access_token FROM tenant_configs ORDER BY tenant_id")
                .mapToMap()
                .list());
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
    void rows_of_the_first_release_keep_their_meaning_through_the_new_changesets_and_back() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_OF_THE_FIRST_RELEASE, ""));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO tenant_configs (tenant_id, waba_id, phone_number_id, onboarding_status, onboarding_completed,
                                            access_token)
                VALUES ('completed', '1', '2', 'COMPLETED', true, 'tink1:kept'),
                       ('failed', '3', '4', 'FAILED', false, NULL),
                       ('marked-completed', '5', '6', 'PHONE_REGISTERED', true, NULL),
                       ('pending', '7', '8', 'TOKEN_EXCHANGED', false, 'tink1:also-kept')"""));

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(rows(jdbi))
                .containsExactly(
                        row("completed", "1", "2", "COMPLETED", true, "tink1:kept"),
                        row("failed", "3", "4", "NOT_STARTED", false, null),
                        row("marked-completed", "5", "6", "COMPLETED", true, null),
                        row("pending", "7", "8", "TOKEN_EXCHANGED", false, "tink1:also-kept"));

        database.withLiquibase(liquibase -> liquibase.rollback(3, ""));
        assertThat(rows(jdbi))
                .as("back on the first release's schema, nothing lost")
                .containsExactly(
                        row("completed", "1", "2", "COMPLETED", true, "tink1:kept"),
                        row("failed", "3", "4", "NOT_STARTED", false, null),
                        row("marked-completed", "5", "6", "COMPLETED", true, null),
                        row("pending", "7", "8", "TOKEN_EXCHANGED", false, "tink1:also-kept"));

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(rows(jdbi)).hasSize(4);
    }

    @Test
    void a_rollback_that_would_lose_a_configuration_without_meta_ids_refuses_before_undoing_anything() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('created-with-nothing')"));

        assertThatThrownBy(() -> database.withLiquibase(liquibase -> liquibase.rollback(3, "")))
                .rootCause()
                .hasMessageContaining("1 configurations have no waba_id or phone_number_id");

        assertThat(appliedChangeSets(jdbi)).as("nothing was undone").hasSize(7);
        assertThat(rows(jdbi)).extracting(r -> r.get("tenant_id")).containsExactly("created-with-nothing");
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET waba_id = '1', phone_number_id = '2'"));
        database.withLiquibase(liquibase -> liquibase.rollback(3, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_OF_THE_FIRST_RELEASE);
        assertThat(tables(database)).containsExactly("tenant_config_audit", "tenant_configs");
        assertThat(rows(jdbi)).extracting(r -> r.get("waba_id")).containsExactly("1");
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
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                        "INSERT INTO tenant_configs (tenant_id, onboarding_status) VALUES ('initech', 'FAILED')")))
                .hasMessageContaining("ck_tenant_configs_onboarding_status");
    }

    @Test
    void a_row_written_with_only_its_tenant_gets_the_documented_defaults() {
        Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());

        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme')"));

        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT is_active, onboarding_completed,"
                        + " onboarding_status, version, created_at IS NOT NULL AS stamped FROM tenant_configs")
                .mapToMap()
                .one());
        assertThat(row)
                .containsEntry("is_active", true)
                .containsEntry("onboarding_completed", false)
                .containsEntry("onboarding_status", "NOT_STARTED")
                .containsEntry("version", 1)
                .containsEntry("stamped", true);
    }

    @Test
    void the_database_refuses_a_completion_flag_that_disagrees_with_the_status() {
        Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme')"));

        assertThatThrownBy(() ->
                        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET onboarding_status = 'COMPLETED'")))
                .hasMessageContaining("ck_tenant_configs_onboarding_completed");

        jdbi.useHandle(h ->
                h.execute("UPDATE tenant_configs SET onboarding_status = 'COMPLETED', onboarding_completed = true"));
    }

    private static Map<String, Object> row(
            String tenant, String waba, String phone, String status, boolean completed, String token) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant_id", tenant);
        row.put("waba_id", waba);
        row.put("phone_number_id", phone);
        row.put("onboarding_status", status);
        row.put("onboarding_completed", completed);
        row.put("access_token", token);
        return row;
    }
}
