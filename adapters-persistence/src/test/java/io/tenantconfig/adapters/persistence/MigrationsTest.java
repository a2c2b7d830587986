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
    /** The changesets before phone numbers got a table of their own. */
    private static final int CHANGESETS_BEFORE_PHONE_NUMBERS = 7;

    /** The changesets before the webhooks (changeSet 10). */
    private static final int CHANGESETS_BEFORE_WEBHOOKS = 9;

    private static final int CHANGESETS = 31;
    /** The changesets before onboarding's states were repaired (changeSet 21). */
    private static final int CHANGESETS_BEFORE_ONBOARDING_STATES = 20;
    /** The changesets before a tenant's WhatsApp Business Accounts got a table of their own (changeSet 22). */
    private static final int CHANGESETS_BEFORE_ACCOUNTS = 21;

    private static final int CHANGESETS_AFTER_COUNTS = 14;
    /** The changesets before each account recorded its webhook subscription (changeSet 23). */
    private static final int CHANGESETS_BEFORE_SUBSCRIPTIONS = 22;
    /** The changesets before a signup could finish without a number or with a WhatsApp Business app's (changeSet 24). */
    private static final int CHANGESETS_BEFORE_SIGNUP_OUTCOMES = 23;

    private static final int CHANGESETS_BEFORE_BUCKET_EXPIRY = 15;
    /** The changesets before signups were kept as sessions (changeSet 25). */
    private static final int CHANGESETS_BEFORE_SIGNUP_SESSIONS = 24;
    /** The changesets before a number could be created, and verified, through the service (changeSet 26). */
    private static final int CHANGESETS_BEFORE_NUMBER_VERIFICATION = 25;
    /** The changesets before WhatsApp Business apps' data was synchronised (changeSet 27). */
    private static final int CHANGESETS_BEFORE_APP_DATA_SYNCS = 26;
    /** The changesets before Meta's installs were kept with the signup sessions (changeSet 28). */
    private static final int CHANGESETS_BEFORE_SIGNUP_INSTALLS = 27;
    /** The changesets before each account's message templates were kept (changeSet 29). */
    private static final int CHANGESETS_BEFORE_MESSAGE_TEMPLATES = 28;
    /** The changesets before numbers kept their capacity (changeSet 30). */
    private static final int CHANGESETS_BEFORE_NUMBER_CAPACITY = 29;
    /** The changesets before each number's business profile was kept from Meta's last answer (changeSet 31). */
    private static final int CHANGESETS_BEFORE_BUSINESS_PROFILES = 30;

    private static List<String> tables(TestDatabase database) {
        return Jdbi.create(database.dataSource())
                .withHandle(h -> h.createQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                        + " AND table_name NOT LIKE 'databasechangelog%' ORDER BY table_name")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> indexesOfTenantConfigs(Jdbi jdbi) {
        return indexesOf(jdbi, "tenant_configs");
    }

    private static List<String> indexesOf(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT indexname FROM pg_indexes WHERE tablename = :table")
                .bind("table", table)
                .mapTo(String.class)
                .list());
    }

    private static List<String> appliedChangeSets(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")
                .mapTo(String.class)
                .list());
    }

    /** The configurations with their (default) number, in the schema before phone numbers had a table. */
    private static List<Map<String, Object>> rows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, waba_id, phone_number_id, onboarding_status,"
                        + " onboarding_completed, access_token FROM tenant_configs ORDER BY tenant_id")
                .mapToMap()
                .list());
    }

    /** The same, in the schema with phone numbers in their own table (changeSets 8 to 21). */
    private static List<Map<String, Object>> rowsWithDefaultNumber(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.tenant_id, c.waba_id, n.phone_number_id,"
                        + " c.onboarding_status, c.onboarding_completed, c.access_token FROM tenant_configs c"
                        + " LEFT JOIN tenant_phone_numbers n ON n.config_id = c.id AND n.is_default ORDER BY tenant_id")
                .mapToMap()
                .list());
    }

    /** The same, in the schema with accounts in their own table too (changeSet 22 on). */
    private static List<Map<String, Object>> rowsWithAccountAndDefaultNumber(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.tenant_id, a.waba_id, n.phone_number_id,"
                        + " c.onboarding_status, c.onboarding_completed, a.access_token FROM tenant_configs c"
                        + " LEFT JOIN whatsapp_accounts a ON a.config_id = c.id"
                        + " LEFT JOIN tenant_phone_numbers n ON n.config_id = c.id AND n.is_default ORDER BY tenant_id")
                .mapToMap()
                .list());
    }

    private static final String ALL_TABLES =
            "app_data_syncs, business_profiles, event_streams, events, message_templates, rate_limit_buckets, signup_session_installs, signup_sessions, template_syncs, tenant_config_audit, tenant_config_counts, tenant_configs, tenant_health, tenant_phone_numbers, webhook_changes, whatsapp_accounts";

    @Test
    void migrating_rolling_everything_back_and_migrating_again_all_succeed() {
        TestDatabase database = TestDatabase.empty();

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(String.join(", ", tables(database))).isEqualTo(ALL_TABLES);

        database.withLiquibase(liquibase -> liquibase.rollback(100, ""));
        assertThat(tables(database)).isEmpty();

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(String.join(", ", tables(database))).isEqualTo(ALL_TABLES);
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

        assertThat(rowsWithAccountAndDefaultNumber(jdbi))
                .containsExactly(
                        row("completed", "1", "2", "COMPLETED", true, "tink1:kept"),
                        row("failed", "3", "4", "NOT_STARTED", false, null),
                        row("marked-completed", "5", "6", "COMPLETED", true, null),
                        row("pending", "7", "8", "TOKEN_EXCHANGED", false, "tink1:also-kept"));

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_OF_THE_FIRST_RELEASE, ""));
        assertThat(rows(jdbi))
                .as("back on the first release's schema, nothing lost")
                .containsExactly(
                        row("completed", "1", "2", "COMPLETED", true, "tink1:kept"),
                        row("failed", "3", "4", "NOT_STARTED", false, null),
                        row("marked-completed", "5", "6", "COMPLETED", true, null),
                        row("pending", "7", "8", "TOKEN_EXCHANGED", false, "tink1:also-kept"));

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(rowsWithAccountAndDefaultNumber(jdbi)).hasSize(4);
    }

    @Test
    void a_rollback_that_would_lose_a_configuration_without_meta_ids_refuses_before_undoing_anything() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('created-with-nothing')"));
        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_PHONE_NUMBERS, ""));

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
        TestDatabase database = TestDatabase.empty();
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_ACCOUNTS, ""));
        Jdbi jdbi = Jdbi.create(database.dataSource());
        String insert = "INSERT INTO tenant_configs (tenant_id, waba_id) VALUES (?, ?)";

        jdbi.useHandle(h -> h.execute(insert, "acme", "123"));

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "acme", "789")))
                .hasMessageContaining("uq_tenant_configs_tenant_id");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "globex", "12; DROP")))
                .hasMessageContaining("ck_tenant_configs_waba_id");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "globex", "123")))
                .as("an account belongs to one tenant")
                .hasMessageContaining("uq_tenant_configs_waba_id");
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

    @Test
    void each_number_and_at_most_one_default_per_configuration_belong_to_one_tenant() {
        Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme'), ('globex')"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id) SELECT id FROM tenant_configs"));
        String insert = "INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                + " SELECT c.id, a.id, ?, ? FROM tenant_configs c JOIN whatsapp_accounts a ON a.config_id = c.id"
                + " WHERE c.tenant_id = ?";

        jdbi.useHandle(h -> h.execute(insert, "100", true, "acme"));
        jdbi.useHandle(h -> h.execute(insert, "101", false, "acme"));

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "100", true, "globex")))
                .hasMessageContaining("uq_tenant_phone_numbers_phone_number_id");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "102", true, "acme")))
                .hasMessageContaining("uq_tenant_phone_numbers_one_default");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "1e3", false, "acme")))
                .hasMessageContaining("ck_tenant_phone_numbers_phone_number_id");
        jdbi.useHandle(h -> h.execute("DELETE FROM tenant_configs WHERE tenant_id = 'acme'"));
        int left = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_phone_numbers")
                .mapTo(Integer.class)
                .one());
        assertThat(left).as("a configuration's numbers go with it").isZero();
        assertThat(number(jdbi, "SELECT count(*) FROM whatsapp_accounts"))
                .as("and its accounts")
                .isEqualTo(1);
    }

    @Test
    void existing_configurations_get_distinct_unguessable_webhook_keys_and_a_rollback_forgets_the_new_states() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_WEBHOOKS, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('one'), ('two'), ('three')"));

        database.withLiquibase(
                liquibase -> liquibase.update(CHANGESETS_BEFORE_ACCOUNTS - CHANGESETS_BEFORE_WEBHOOKS, ""));
        List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT webhook_key FROM tenant_configs")
                .mapTo(String.class)
                .list());
        assertThat(keys).hasSize(3).doesNotHaveDuplicates().allMatch(key -> key.matches("[0-9a-f]{32}"));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('four')"));
        String newKey =
                jdbi.withHandle(h -> h.createQuery("SELECT webhook_key FROM tenant_configs WHERE tenant_id = 'four'")
                        .mapTo(String.class)
                        .one());
        assertThat(newKey)
                .as("a new configuration gets one too")
                .matches("[0-9a-f]{32}")
                .isNotIn(keys);
        assertThatThrownBy(() -> jdbi.useHandle(h ->
                        h.execute("UPDATE tenant_configs SET standing_status = 'DISABLED' WHERE tenant_id = 'one'")))
                .as("a standing other than GOOD says what Meta sent and when")
                .hasMessageContaining("ck_tenant_configs_standing");
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_health (config_id, state, next_check_at)"
                + " SELECT id, 'DISABLED', now() FROM tenant_configs WHERE tenant_id = 'one'"));

        database.withLiquibase(
                liquibase -> liquibase.rollback(CHANGESETS_BEFORE_ACCOUNTS - CHANGESETS_BEFORE_WEBHOOKS, ""));
        String state = jdbi.withHandle(h -> h.createQuery("SELECT state FROM tenant_health")
                .mapTo(String.class)
                .one());
        assertThat(state).as("a state the old schema does not know").isEqualTo("UNKNOWN");
        assertThat(tables(database)).doesNotContain("webhook_changes");
    }

    @Test
    void each_configurations_number_moves_to_its_own_table_as_the_default_and_back_on_rollback() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_PHONE_NUMBERS, ""));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO tenant_configs (tenant_id, waba_id, phone_number_id, display_phone_number, registration_pin,
                                            onboarding_status, onboarding_completed, onboarded_at, access_token)
                VALUES ('registered', '1', '2', '+1 555-0100', 'tink1:pin', 'COMPLETED', true,
                        '2026-02-01T10:00:00Z', NULL),
                       ('signing-up', '3', '4', NULL, NULL, 'TOKEN_EXCHANGED', false, NULL, 'tink1:token'),
                       ('by-hand', '5', '6', '+1 555-0106', NULL, 'NOT_STARTED', false, NULL, NULL),
                       ('no-number', NULL, NULL, NULL, NULL, 'NOT_STARTED', false, NULL, NULL)"""));
        List<Map<String, Object>> before = numbersBefore(jdbi);

        database.withLiquibase(liquibase -> liquibase.update(""));

        List<Map<String, Object>> moved =
                jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.tenant_id, n.phone_number_id, n.display_phone_number, n.registration_pin,
                               n.is_default, n.is_active, n.registered_at IS NOT NULL AS registered,
                               c.onboarding_phone_number_id
                        FROM tenant_configs c JOIN tenant_phone_numbers n ON n.config_id = c.id
                        ORDER BY c.tenant_id""").mapToMap().list());
        assertThat(moved)
                .containsExactly(
                        number("by-hand", "6", "+1 555-0106", null, false, null),
                        number("registered", "2", "+1 555-0100", "tink1:pin", true, "2"),
                        number("signing-up", "4", null, null, false, "4"));

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_PHONE_NUMBERS, ""));
        assertThat(numbersBefore(jdbi))
                .as("rolled back: every number in its configuration again")
                .isEqualTo(before);

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(rowsWithAccountAndDefaultNumber(jdbi))
                .extracting(r -> r.get("phone_number_id"))
                .containsExactly("6", null, "2", "4");
    }

    @Test
    void
            the_admin_lists_indexes_the_rate_limit_buckets_the_events_index_and_the_kept_counts_come_with_changesets_11_to_14_and_go_with_their_rollback() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        assertThat(indexesOfTenantConfigs(jdbi))
                .contains(
                        "ix_tenant_configs_active",
                        "ix_tenant_configs_onboarding_status",
                        "ix_tenant_configs_updated_at",
                        "ix_tenant_configs_tenant_prefix",
                        "ix_tenant_configs_statistics");

        assertThat(tables(database)).contains("rate_limit_buckets");
        assertThat(indexesOf(jdbi, "events")).contains("ix_events_tenant_status");
        assertThat(tables(database)).contains("tenant_config_counts");

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_AFTER_COUNTS + 4, ""));

        assertThat(indexesOfTenantConfigs(jdbi)).noneMatch(name -> name.startsWith("ix_tenant_configs_"));
        assertThat(tables(database)).doesNotContain("rate_limit_buckets", "tenant_config_counts");
        assertThat(indexesOf(jdbi, "events")).doesNotContain("ix_events_tenant_status");
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('without the triggers')"));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_AFTER_COUNTS - 4);
    }

    @Test
    void a_rollback_that_would_lose_a_second_number_refuses_before_undoing_anything() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme')"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id) SELECT id FROM tenant_configs"));
        jdbi.useHandle(
                h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                        + " SELECT config_id, id, '1', true FROM whatsapp_accounts"
                        + " UNION ALL SELECT config_id, id, '2', false FROM whatsapp_accounts"));

        assertThatThrownBy(() -> database.withLiquibase(
                        liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_PHONE_NUMBERS, "")))
                .rootCause()
                .hasMessageContaining("1 configurations have more than one phone number");

        assertThat(appliedChangeSets(jdbi))
                .as("nothing of changeset 8 was undone")
                .hasSize(CHANGESETS_BEFORE_PHONE_NUMBERS + 1);
        assertThat(rowsWithDefaultNumber(jdbi))
                .extracting(r -> r.get("phone_number_id"))
                .containsExactly("1");
    }

    @Test
    void numbers_or_accounts_that_two_tenants_share_stop_the_migration_with_a_message_saying_what_to_do() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_PHONE_NUMBERS, ""));
        jdbi.useHandle(h ->
                h.execute("INSERT INTO tenant_configs (tenant_id, waba_id, phone_number_id) VALUES ('acme', '1', '2'),"
                        + " ('globex', '1', '3')"));

        assertThatThrownBy(() -> database.withLiquibase(liquibase -> liquibase.update("")))
                .hasStackTraceContaining("share a waba_id or a phone_number_id");

        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_PHONE_NUMBERS);
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET waba_id = '4' WHERE tenant_id = 'globex'"));
        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS);
    }

    @Test
    void webhook_changes_get_their_tenant_as_dedupe_scope_and_the_rollback_refuses_while_two_scopes_share_a_key() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_AFTER_COUNTS, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO webhook_changes (received_at, dedupe_key, tenant_id, field, value,"
                + " unroutable_reason) VALUES (now(), 'wamid:A', 'acme', 'messages', '{}', NULL),"
                + " (now(), 'wamid:B', NULL, 'messages', '{}', 'nobody has it')"));
        jdbi.useHandle(h -> h.execute(
                "INSERT INTO tenant_configs (tenant_id, user_id) VALUES ('acme', 'evil' || chr(10) || 'INFO forged')"));

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(strings(jdbi, "SELECT dedupe_key || '@' || dedupe_scope FROM webhook_changes ORDER BY id"))
                .containsExactly("wamid:A@acme", "wamid:B@");
        assertThat(strings(jdbi, "SELECT user_id FROM tenant_configs").get(0)).isEqualTo("evil?INFO forged");
        jdbi.useHandle(h -> h.execute("INSERT INTO webhook_changes (received_at, dedupe_scope, dedupe_key, tenant_id,"
                + " field, value) VALUES (now(), 'globex', 'wamid:A', 'globex', 'messages', '{}')"));

        assertThatThrownBy(() -> database.withLiquibase(
                        liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_AFTER_COUNTS, "")))
                .hasStackTraceContaining("two tenants hold a webhook change with the same dedupe key");
        assertThat(appliedChangeSets(jdbi))
                .as("the changeSets after 15 were undone, 15 refused before changing anything")
                .hasSize(CHANGESETS_AFTER_COUNTS + 1);

        jdbi.useHandle(h -> h.execute("DELETE FROM webhook_changes WHERE tenant_id = 'globex'"));
        database.withLiquibase(liquibase -> liquibase.rollback(1, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_AFTER_COUNTS);
        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(number(jdbi, "SELECT count(*) FROM webhook_changes"))
                .as("forward, back and forward again keeps every change")
                .isEqualTo(2);
    }

    @Test
    void rate_limit_buckets_written_before_they_could_expire_are_due_at_once() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_BUCKET_EXPIRY, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO rate_limit_buckets (id, state) VALUES ('admin:old', NULL)"));

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(number(jdbi, "SELECT expires_at FROM rate_limit_buckets")).isZero();
        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_BUCKET_EXPIRY, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_BUCKET_EXPIRY);
    }

    @Test
    void completed_rows_get_a_completion_time_and_runs_without_what_they_need_end_and_the_rollback_keeps_both() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_ONBOARDING_STATES, ""));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO tenant_configs (tenant_id, waba_id, access_token, onboarding_status, onboarding_completed,
                                            onboarded_at, onboarding_phone_number_id, updated_at)
                VALUES ('completed-untimed', '1', 'tink1:a', 'COMPLETED', true, NULL, '10', '2026-02-01T10:00:00Z'),
                       ('completed', '2', 'tink1:b', 'COMPLETED', true, '2026-01-05T08:00:00Z', '20',
                        '2026-02-01T10:00:00Z'),
                       ('running', '3', 'tink1:c', 'WEBHOOK_SUBSCRIBED', false, '2026-01-05T08:00:00Z', '30',
                        '2026-02-01T10:00:00Z'),
                       ('token-cleared', '4', NULL, 'TOKEN_EXCHANGED', false, NULL, '40', '2026-02-01T10:00:00Z'),
                       ('account-cleared', NULL, 'tink1:e', 'PHONE_REGISTERED', false, NULL, '50',
                        '2026-02-01T10:00:00Z'),
                       ('number-removed', '6', 'tink1:f', 'TOKEN_EXCHANGED', false, NULL, '60', '2026-02-01T10:00:00Z'),
                       ('number-never-named', '7', 'tink1:g', 'TOKEN_EXCHANGED', false, NULL, NULL,
                        '2026-02-01T10:00:00Z'),
                       ('by-hand', NULL, NULL, 'NOT_STARTED', false, NULL, NULL, '2026-02-01T10:00:00Z')"""));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO tenant_phone_numbers (config_id, phone_number_id, is_default)
                SELECT id, onboarding_phone_number_id, true FROM tenant_configs
                 WHERE onboarding_phone_number_id IS NOT NULL AND tenant_id <> 'number-removed'"""));

        database.withLiquibase(
                liquibase -> liquibase.update(CHANGESETS_BEFORE_ACCOUNTS - CHANGESETS_BEFORE_ONBOARDING_STATES, ""));

        List<String> after = onboardingRows(jdbi);
        assertThat(after)
                .containsExactly(
                        "account-cleared REAUTHORIZATION_REQUIRED null v2",
                        "by-hand NOT_STARTED null v1",
                        "completed COMPLETED 2026-01-05T08:00:00Z v1",
                        "completed-untimed COMPLETED 2026-02-01T10:00:00Z v2",
                        "number-never-named REAUTHORIZATION_REQUIRED null v2",
                        "number-removed REAUTHORIZATION_REQUIRED null v2",
                        "running WEBHOOK_SUBSCRIBED 2026-01-05T08:00:00Z v1",
                        "token-cleared REAUTHORIZATION_REQUIRED null v2");

        database.withLiquibase(liquibase -> liquibase.rollback(1, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_ONBOARDING_STATES);
        assertThat(onboardingRows(jdbi)).as("the rollback changes no row").isEqualTo(after);

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(onboardingRows(jdbi))
                .as("applied again, nothing is left to repair")
                .isEqualTo(after);
    }

    @Test
    void
            each_configurations_account_moves_to_its_own_table_with_its_numbers_and_back_on_rollback_keeping_every_value() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_ACCOUNTS, ""));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO tenant_configs (tenant_id, waba_id, business_id, access_token, refresh_token,
                                            token_expires_at, last_verified_at, standing_status, standing_event,
                                            standing_detail, standing_since, version)
                VALUES ('banned', '100', '200', 'tink1:access', 'tink1:refresh', '2026-03-01T00:00:00Z',
                        '2026-02-01T12:00:00Z', 'DISABLED', 'DISABLED_UPDATE', 'banned on 2026-02-10',
                        '2026-02-10T09:00:00Z', 7),
                       ('by-hand', NULL, NULL, 'tink1:by-hand', NULL, NULL, NULL, 'GOOD', NULL, NULL, NULL, 2),
                       ('reinstated', NULL, NULL, NULL, NULL, NULL, NULL, 'GOOD', 'REINSTATE', NULL,
                        '2026-02-11T09:00:00Z', 1),
                       ('nothing', NULL, NULL, NULL, NULL, NULL, NULL, 'GOOD', NULL, NULL, NULL, 1)"""));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO tenant_phone_numbers (config_id, phone_number_id, display_phone_number, is_default)
                SELECT id, '1001', '+1 555-0101', true FROM tenant_configs WHERE tenant_id = 'banned'
                UNION ALL SELECT id, '1002', NULL, false FROM tenant_configs WHERE tenant_id = 'banned'"""));
        List<Map<String, Object>> configsBefore = everyRow(jdbi, "tenant_configs");
        List<Map<String, Object>> numbersBefore = everyRow(jdbi, "tenant_phone_numbers");
        List<String> schemaBefore = schema(jdbi);
        List<String> expectedAccounts = List.of(
                "banned 100 200 tink1:access tink1:refresh 2026-03-01T00:00:00Z 2026-02-01T12:00:00Z"
                        + " DISABLED DISABLED_UPDATE banned on 2026-02-10 2026-02-10T09:00:00Z type=null scopes=null",
                "by-hand null null tink1:by-hand null null null GOOD null null null type=null scopes=null",
                "reinstated null null null null null null GOOD REINSTATE null 2026-02-11T09:00:00Z"
                        + " type=null scopes=null");

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(accounts(jdbi))
                .as("one account per configuration holding anything of one, values as they were")
                .containsExactlyElementsOf(expectedAccounts);
        assertThat(numbersWithTheirAccount(jdbi)).containsExactly("1001 banned 100", "1002 banned 100");
        assertThat(strings(jdbi, "SELECT tenant_id || ' v' || version FROM tenant_configs ORDER BY tenant_id"))
                .as("no version changes")
                .containsExactly("banned v7", "by-hand v2", "nothing v1", "reinstated v1");

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_ACCOUNTS, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_ACCOUNTS);
        assertThat(everyRow(jdbi, "tenant_configs"))
                .as("rolled back: every configuration holds its account's values again")
                .isEqualTo(configsBefore);
        assertThat(everyRow(jdbi, "tenant_phone_numbers")).isEqualTo(numbersBefore);
        assertThat(schema(jdbi))
                .as("the schema of changeSet 21, comments included")
                .isEqualTo(schemaBefore);
        assertThat(tables(database)).doesNotContain("whatsapp_accounts");

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(accounts(jdbi)).as("migrated again").containsExactlyElementsOf(expectedAccounts);
        assertThat(numbersWithTheirAccount(jdbi)).containsExactly("1001 banned 100", "1002 banned 100");
    }

    @Test
    void a_rollback_that_would_lose_a_second_account_refuses_before_undoing_anything() {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme')"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id, access_token)"
                + " SELECT id, '100', 'tink1:first' FROM tenant_configs"
                + " UNION ALL SELECT id, '200', 'tink1:second' FROM tenant_configs"));
        jdbi.useHandle(
                h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                        + " SELECT config_id, id, '1001', true FROM whatsapp_accounts WHERE waba_id = '100'"));
        List<String> accountsBefore = accounts(jdbi);

        assertThatThrownBy(() -> database.withLiquibase(
                        liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_ACCOUNTS, "")))
                .rootCause()
                .hasMessageContaining("Cannot roll back 22-whatsapp-accounts: 1 configurations have more than one"
                        + " WhatsApp Business Account")
                .hasMessageContaining("Remove the other accounts (DELETE /api/v1/tenant/config/accounts/{waba_id})");

        assertThat(appliedChangeSets(jdbi))
                .as("nothing of changeset 22 was undone (23, rolled back before it, was: each commits on its own)")
                .hasSize(CHANGESETS_BEFORE_SUBSCRIPTIONS);
        assertThat(accounts(jdbi)).isEqualTo(accountsBefore).hasSize(2);
        assertThat(numbersWithTheirAccount(jdbi)).containsExactly("1001 acme 100");

        jdbi.useHandle(h -> h.execute("DELETE FROM whatsapp_accounts WHERE waba_id = '200'"));
        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_ACCOUNTS, ""));
        assertThat(rowsWithDefaultNumber(jdbi))
                .as("the one account left is the configuration's again")
                .containsExactly(row("acme", "100", "1001", "NOT_STARTED", false, "tink1:first"));
    }

    @Test
    void existing_accounts_are_not_taken_for_subscribed_and_the_rollback_drops_only_the_subscription() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_SUBSCRIPTIONS, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id, version) VALUES ('acme', 4)"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id, access_token, token_type)"
                + " SELECT id, '100', 'tink1:first', 'SYSTEM_USER' FROM tenant_configs"));
        List<Map<String, Object>> accountsBefore = everyRow(jdbi, "whatsapp_accounts");
        List<String> schemaBefore = schema(jdbi);

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(strings(jdbi, "SELECT coalesce(subscribed_at::text, 'null') FROM whatsapp_accounts"))
                .as("when, or whether, it was subscribed was never recorded")
                .containsExactly("null");
        assertThat(strings(jdbi, "SELECT tenant_id || ' v' || version FROM tenant_configs"))
                .as("no version changes")
                .containsExactly("acme v4");
        jdbi.useHandle(h -> h.execute("UPDATE whatsapp_accounts SET subscribed_at = '2026-12-01T00:00:00Z'"));

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_SUBSCRIPTIONS, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_SUBSCRIPTIONS);
        assertThat(everyRow(jdbi, "whatsapp_accounts")).isEqualTo(accountsBefore);
        assertThat(schema(jdbi))
                .as("the schema of changeSet 22, comments included")
                .isEqualTo(schemaBefore);

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS);
    }

    @Test
    void each_run_gets_its_numbers_account_and_the_rollback_refuses_while_a_run_has_no_number_or_a_number_is_shared() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_SIGNUP_OUTCOMES, ""));
        jdbi.useHandle(
                h -> h.execute("INSERT INTO tenant_configs (tenant_id, onboarding_status, onboarding_phone_number_id)"
                        + " VALUES ('running', 'WEBHOOK_SUBSCRIBED', '1001'), ('no-number', 'NOT_STARTED', NULL)"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id, access_token)"
                + " SELECT id, '100', 'tink1:first' FROM tenant_configs WHERE tenant_id = 'running'"
                + " UNION ALL SELECT id, '200', 'tink1:second' FROM tenant_configs WHERE tenant_id = 'no-number'"));
        jdbi.useHandle(
                h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                        + " SELECT config_id, id, '1001', true FROM whatsapp_accounts WHERE waba_id = '100'"));
        List<String> schemaBefore = schema(jdbi);
        List<Map<String, Object>> configsBefore = everyRow(jdbi, "tenant_configs");

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(strings(
                        jdbi,
                        "SELECT tenant_id || ' ' || coalesce(onboarding_waba_id, 'null') || ' v' || version"
                                + " FROM tenant_configs ORDER BY tenant_id"))
                .as("a run works on its number's account, and no version changes")
                .containsExactly("no-number null v1", "running 100 v1");
        assertThat(strings(jdbi, "SELECT phone_number_id || ' ' || coexistence FROM tenant_phone_numbers"))
                .containsExactly("1001 false");

        // The refusals of 24 on their own: 25, after it, commits its rollback by itself.
        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_SIGNUP_SESSIONS, ""));
        jdbi.useHandle(h -> h.execute("UPDATE tenant_phone_numbers SET coexistence = true"));
        assertThatThrownBy(() -> database.withLiquibase(liquibase ->
                        liquibase.rollback(CHANGESETS_BEFORE_SIGNUP_SESSIONS - CHANGESETS_BEFORE_SIGNUP_OUTCOMES, "")))
                .rootCause()
                .hasMessageContaining("Cannot roll back 24-signup-outcomes: 0 onboarding runs in progress have no phone"
                        + " number and 1 numbers are WhatsApp Business app (coexistence) numbers");
        assertThat(appliedChangeSets(jdbi)).as("nothing was undone").hasSize(CHANGESETS_BEFORE_SIGNUP_SESSIONS);
        jdbi.useHandle(h -> h.execute("UPDATE tenant_phone_numbers SET coexistence = false"));
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET onboarding_status = 'TOKEN_EXCHANGED',"
                + " onboarding_waba_id = '200' WHERE tenant_id = 'no-number'"));
        assertThatThrownBy(() -> database.withLiquibase(liquibase ->
                        liquibase.rollback(CHANGESETS_BEFORE_SIGNUP_SESSIONS - CHANGESETS_BEFORE_SIGNUP_OUTCOMES, "")))
                .rootCause()
                .hasMessageContaining("1 onboarding runs in progress have no phone number");

        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET onboarding_status = 'NOT_STARTED',"
                + " onboarding_waba_id = NULL WHERE tenant_id = 'no-number'"));
        database.withLiquibase(liquibase ->
                liquibase.rollback(CHANGESETS_BEFORE_SIGNUP_SESSIONS - CHANGESETS_BEFORE_SIGNUP_OUTCOMES, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_SIGNUP_OUTCOMES);
        assertThat(schema(jdbi))
                .as("the schema of changeSet 23, comments included")
                .isEqualTo(schemaBefore);
        assertThat(everyRow(jdbi, "tenant_configs")).isEqualTo(configsBefore);
    }

    @Test
    void the_database_refuses_an_account_of_another_tenant_a_second_unnamed_account_and_ids_that_are_not_digits() {
        Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme'), ('globex')"));
        String insert = "INSERT INTO whatsapp_accounts (config_id, waba_id, business_id)"
                + " SELECT id, ?, ? FROM tenant_configs WHERE tenant_id = ?";

        jdbi.useHandle(h -> h.execute(insert, "123", "456", "acme"));
        jdbi.useHandle(h -> h.execute(insert, "124", null, "acme"));
        jdbi.useHandle(h -> h.execute(insert, null, null, "acme"));
        jdbi.useHandle(h -> h.execute(insert, null, null, "globex"));

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "123", null, "globex")))
                .as("an account belongs to one tenant")
                .hasMessageContaining("uq_whatsapp_accounts_waba_id");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, null, null, "acme")))
                .as("one account per configuration waits for its id")
                .hasMessageContaining("uq_whatsapp_accounts_one_unnamed");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "12; DROP", null, "globex")))
                .hasMessageContaining("ck_whatsapp_accounts_waba_id");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(insert, "125", "4e5", "globex")))
                .hasMessageContaining("ck_whatsapp_accounts_business_id");
        assertThatThrownBy(() -> jdbi.useHandle(h ->
                        h.execute("UPDATE whatsapp_accounts SET standing_status = 'DISABLED' WHERE waba_id = '123'")))
                .as("a standing other than GOOD says what Meta sent and when")
                .hasMessageContaining("ck_whatsapp_accounts_standing");
        assertThatThrownBy(() -> jdbi.useHandle(
                        h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, phone_number_id, is_default)"
                                + " SELECT id, '1001', true FROM tenant_configs WHERE tenant_id = 'acme'")))
                .as("a number belongs to an account")
                .hasMessageContaining("account_id");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                        "INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                                + " SELECT c.id, a.id, '1002', true FROM tenant_configs c, whatsapp_accounts a"
                                + " WHERE c.tenant_id = 'globex' AND a.waba_id = '123'")))
                .as("a number belongs to an account of its own configuration")
                .hasMessageContaining("fk_tenant_phone_numbers_account");
        jdbi.useHandle(
                h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                        + " SELECT config_id, id, '1001', true FROM whatsapp_accounts WHERE waba_id = '123'"));
        jdbi.useHandle(h -> h.execute("DELETE FROM whatsapp_accounts WHERE waba_id = '123'"));
        assertThat(number(jdbi, "SELECT count(*) FROM tenant_phone_numbers"))
                .as("an account's numbers go with it")
                .isZero();
        jdbi.useHandle(h -> h.execute("DELETE FROM tenant_configs WHERE tenant_id = 'acme'"));
        assertThat(strings(jdbi, "SELECT coalesce(waba_id, 'unnamed') FROM whatsapp_accounts"))
                .as("a configuration's accounts go with it")
                .containsExactly("unnamed");
    }

    /** Every column of every row of a table, in id order. */
    private static List<Map<String, Object>> everyRow(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM " + table + " ORDER BY id")
                .mapToMap()
                .list());
    }

    /** Each account with its configuration's tenant, in the order they were added, one line each (times in UTC). */
    private static List<String> accounts(Jdbi jdbi) {
        return strings(jdbi, """
                SELECT concat_ws(' ', c.tenant_id, coalesce(a.waba_id, 'null'), coalesce(a.business_id, 'null'),
                       coalesce(a.access_token, 'null'), coalesce(a.refresh_token, 'null'),
                       coalesce(to_char(a.token_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null'),
                       coalesce(to_char(a.last_verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null'),
                       a.standing_status, coalesce(a.standing_event, 'null'), coalesce(a.standing_detail, 'null'),
                       coalesce(to_char(a.standing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null'),
                       'type=' || coalesce(a.token_type, 'null'), 'scopes=' || coalesce(a.token_scopes, 'null'))
                  FROM whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id ORDER BY a.id""");
    }

    /** Each number with the tenant and waba_id of its account, in number order. */
    private static List<String> numbersWithTheirAccount(Jdbi jdbi) {
        return strings(jdbi, """
                SELECT n.phone_number_id || ' ' || c.tenant_id || ' ' || coalesce(a.waba_id, 'unnamed')
                  FROM tenant_phone_numbers n JOIN whatsapp_accounts a ON a.id = n.account_id
                  JOIN tenant_configs c ON c.id = a.config_id ORDER BY n.phone_number_id""");
    }

    /**
     * The columns (with their comments), indexes, constraints and triggers of the public schema, one line
     * each, column order left out.
     */
    private static List<String> schema(Jdbi jdbi) {
        return strings(jdbi, """
                SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type
                       || coalesce('(' || c.character_maximum_length || ')', '') || ' null=' || c.is_nullable
                       || ' default=' || coalesce(c.column_default, '-') || ' comment='
                       || coalesce(col_description((c.table_schema || '.' || c.table_name)::regclass,
                                                   c.ordinal_position::int), '-')
                  FROM information_schema.columns c
                 WHERE c.table_schema = 'public' AND c.table_name NOT LIKE 'databasechangelog%'
                UNION ALL
                SELECT 'index ' || indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%'
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'databasechangelog%'
                UNION ALL
                SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
                ORDER BY 1""");
    }

    /** Each configuration's tenant, onboarding status, completion time (UTC) and version, one line each. */
    private static List<String> onboardingRows(Jdbi jdbi) {
        return strings(jdbi, """
                SELECT tenant_id || ' ' || onboarding_status || ' '
                       || coalesce(to_char(onboarded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                       || ' v' || version
                  FROM tenant_configs ORDER BY tenant_id""");
    }

    private static List<String> strings(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static long number(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<Map<String, Object>> numbersBefore(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, phone_number_id, display_phone_number,"
                        + " registration_pin, onboarding_status FROM tenant_configs ORDER BY tenant_id")
                .mapToMap()
                .list());
    }

    private static Map<String, Object> number(
            String tenant, String id, String display, String pin, boolean registered, String onboarding) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant_id", tenant);
        row.put("phone_number_id", id);
        row.put("display_phone_number", display);
        row.put("registration_pin", pin);
        row.put("is_default", true);
        row.put("is_active", true);
        row.put("registered", registered);
        row.put("onboarding_phone_number_id", onboarding);
        return row;
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

    @Test
    void signup_sessions_start_empty_and_the_rollback_drops_them_and_leaves_the_schema_of_24() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_SIGNUP_SESSIONS, ""));
        List<String> schemaBefore = schema(jdbi);

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(number(jdbi, "SELECT count(*) FROM signup_sessions")).isZero();
        jdbi.useHandle(h -> h.execute("INSERT INTO signup_sessions (tenant_id, started_at, ended_at, event, outcome,"
                + " step) VALUES ('acme', now(), now(), 'CANCEL', 'cancelled', 'WABA_CREATION')"));
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("INSERT INTO signup_sessions (tenant_id, started_at,"
                        + " ended_at, event, outcome) VALUES ('acme', now(), now(), 'CANCEL', 'cancelled')")))
                .as("a cancelled session names its step")
                .hasMessageContaining("ck_signup_sessions_step");

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_SIGNUP_SESSIONS, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_SIGNUP_SESSIONS);
        assertThat(schema(jdbi)).as("the schema of changeSet 24").isEqualTo(schemaBefore);
    }

    @Test
    void existing_numbers_are_verified_an_unverified_one_stays_out_of_use_and_the_rollback_refuses_while_one_is() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_NUMBER_VERIFICATION, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme')"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id)"
                + " SELECT id, '100' FROM tenant_configs WHERE tenant_id = 'acme'"));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id,"
                + " is_default) SELECT config_id, id, '1001', true FROM whatsapp_accounts"));
        List<String> schemaBefore = schema(jdbi);
        List<Map<String, Object>> numbersBefore = everyRow(jdbi, "tenant_phone_numbers");

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(strings(
                        jdbi,
                        "SELECT phone_number_id || ' ' || verified || ' ' || coalesce(code_requested_at::text, 'null')"
                                + " FROM tenant_phone_numbers"))
                .as("every number came from Meta verified")
                .containsExactly("1001 true null");
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id,"
                + " is_default, is_active, verified) SELECT config_id, id, '1002', false, false, false"
                + " FROM whatsapp_accounts"));
        assertThatThrownBy(() -> jdbi.useHandle(h ->
                        h.execute("UPDATE tenant_phone_numbers SET is_active = true WHERE phone_number_id = '1002'")))
                .as("an unverified number is never in use")
                .hasMessageContaining("ck_tenant_phone_numbers_unverified");

        // The refusal of 26 on its own: 27, after it, commits its rollback by itself.
        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_APP_DATA_SYNCS, ""));
        assertThatThrownBy(() -> database.withLiquibase(liquibase -> liquibase.rollback(
                        CHANGESETS_BEFORE_APP_DATA_SYNCS - CHANGESETS_BEFORE_NUMBER_VERIFICATION, "")))
                .rootCause()
                .hasMessageContaining("Cannot roll back 26-number-verification: 1 phone numbers are not verified yet");
        assertThat(appliedChangeSets(jdbi)).as("nothing was undone").hasSize(CHANGESETS_BEFORE_APP_DATA_SYNCS);

        jdbi.useHandle(h -> h.execute("DELETE FROM tenant_phone_numbers WHERE phone_number_id = '1002'"));
        database.withLiquibase(liquibase ->
                liquibase.rollback(CHANGESETS_BEFORE_APP_DATA_SYNCS - CHANGESETS_BEFORE_NUMBER_VERIFICATION, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_NUMBER_VERIFICATION);
        assertThat(schema(jdbi))
                .as("the schema of changeSet 25, comments included")
                .isEqualTo(schemaBefore);
        assertThat(everyRow(jdbi, "tenant_phone_numbers")).isEqualTo(numbersBefore);
    }

    @Test
    void sessions_keep_the_accounts_they_stored_as_requested_and_the_rollback_gives_installs_back_as_unroutable() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_SIGNUP_INSTALLS, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO signup_sessions (tenant_id, started_at, ended_at, event, outcome,"
                + " step, waba_ids) VALUES ('acme', now(), now(), 'FINISH', 'finished', NULL, '100,200'),"
                + " ('globex', now(), now(), 'FINISH', 'failed', 'exchange_code', '')"));
        List<String> schemaBefore = schema(jdbi);
        List<Map<String, Object>> sessionsBefore = everyRow(jdbi, "signup_sessions");

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(strings(
                        jdbi, "SELECT tenant_id || ' [' || requested_waba_ids || ']' FROM signup_sessions ORDER BY id"))
                .as("what a session stored it had named; a failure that stored nothing recorded nothing")
                .containsExactly("acme [100,200]", "globex []");
        jdbi.useHandle(h -> h.execute("INSERT INTO signup_session_installs (signup_session_id, received_at,"
                + " dedupe_scope, dedupe_key, waba_id, owner_business_id, partner_app_id, value)"
                + " SELECT id, now(), '', 'sha256:ab', '300', '400', '500', '{\"event\":\"PARTNER_APP_INSTALLED\"}'"
                + " FROM signup_sessions WHERE tenant_id = 'globex'"));
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("INSERT INTO signup_session_installs"
                        + " (signup_session_id, received_at, dedupe_scope, dedupe_key, waba_id, value)"
                        + " SELECT id, now(), '', 'sha256:cd', 'not-an-id', '{}' FROM signup_sessions LIMIT 1")))
                .hasMessageContaining("ck_signup_session_installs_waba_id");

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_SIGNUP_INSTALLS, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_SIGNUP_INSTALLS);
        assertThat(schema(jdbi)).as("the schema of changeSet 27").isEqualTo(schemaBefore);
        assertThat(everyRow(jdbi, "signup_sessions")).isEqualTo(sessionsBefore);
        assertThat(strings(
                        jdbi,
                        "SELECT coalesce(tenant_id, 'nobody') || ' ' || waba_id || ' ' || field || ' ' || dedupe_key"
                                + " || ' ' || unroutable_reason FROM webhook_changes"))
                .as("the install is an unroutable change again, as the earlier version keeps it")
                .containsExactly("nobody 300 account_update sha256:ab a signup finished at Meta"
                        + " (PARTNER_APP_INSTALLED) but was never completed here: no tenant has the WhatsApp"
                        + " Business Account 300");
    }

    @Test
    void
            accounts_with_a_token_are_scheduled_for_a_template_read_spread_over_six_hours_and_the_rollback_gives_back_the_schema() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_MESSAGE_TEMPLATES, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme'), ('globex')"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id, access_token)"
                + " SELECT id, CASE tenant_id WHEN 'acme' THEN '100' ELSE '200' END,"
                + " CASE tenant_id WHEN 'acme' THEN 'ciphertext' END FROM tenant_configs"));
        List<String> schemaBefore = schema(jdbi);

        database.withLiquibase(liquibase -> liquibase.update(""));
        assertThat(strings(
                        jdbi,
                        "SELECT a.waba_id FROM template_syncs s JOIN whatsapp_accounts a ON a.id = s.account_id"
                                + " WHERE s.next_read_at BETWEEN now() AND now() + interval '6 hours'"))
                .as("only the account with a token can be read")
                .containsExactly("100");
        jdbi.useHandle(h -> h.execute("INSERT INTO message_templates (account_id, name, language, status, components,"
                + " updated_at) SELECT id, 'order_shipped', 'en_US', 'APPROVED', '[]', now() FROM whatsapp_accounts"));
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("INSERT INTO message_templates (account_id, name,"
                        + " language, status, components, updated_at) SELECT id, 'order_shipped', 'en_US', 'PAUSED',"
                        + " '[]', now() FROM whatsapp_accounts LIMIT 1")))
                .hasMessageContaining("uq_message_templates_name");

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_MESSAGE_TEMPLATES, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_MESSAGE_TEMPLATES);
        assertThat(schema(jdbi)).as("the schema of changeSet 28").isEqualTo(schemaBefore);
    }

    @Test
    void existing_numbers_start_with_no_capacity_said_and_the_rollback_drops_only_the_capacity() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_NUMBER_CAPACITY, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme')"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id)"
                + " SELECT id, '100' FROM tenant_configs WHERE tenant_id = 'acme'"));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id,"
                + " is_default) SELECT config_id, id, '1001', true FROM whatsapp_accounts"));
        List<String> schemaBefore = schema(jdbi);
        List<Map<String, Object>> numbersBefore = everyRow(jdbi, "tenant_phone_numbers");

        database.withLiquibase(liquibase -> liquibase.update(""));

        assertThat(strings(
                        jdbi,
                        "SELECT phone_number_id || ' ' || coalesce(throughput_level, 'null') || ' '"
                                + " || coalesce(messaging_limit_tier, 'null') || ' '"
                                + " || coalesce(capacity_updated_at::text, 'null') FROM tenant_phone_numbers"))
                .as("nothing said yet: answered as Meta's default until the next check")
                .containsExactly("1001 null null null");
        jdbi.useHandle(h -> h.execute("UPDATE tenant_phone_numbers SET throughput_level = 'HIGH',"
                + " quality_rating = 'GREEN', messaging_limit_tier = 'TIER_2K', name_status = 'APPROVED',"
                + " capacity_updated_at = now()"));

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_NUMBER_CAPACITY, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_NUMBER_CAPACITY);
        assertThat(schema(jdbi))
                .as("the schema of changeSet 29, comments included")
                .isEqualTo(schemaBefore);
        assertThat(everyRow(jdbi, "tenant_phone_numbers")).isEqualTo(numbersBefore);
    }

    @Test
    void a_kept_profile_goes_with_its_configuration_and_the_rollback_drops_only_the_copy() {
        TestDatabase database = TestDatabase.empty();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        database.withLiquibase(liquibase -> liquibase.update(CHANGESETS_BEFORE_BUSINESS_PROFILES, ""));
        jdbi.useHandle(h -> h.execute("INSERT INTO tenant_configs (tenant_id) VALUES ('acme'), ('globex')"));
        List<String> schemaBefore = schema(jdbi);
        List<Map<String, Object>> configsBefore = everyRow(jdbi, "tenant_configs");

        database.withLiquibase(liquibase -> liquibase.update(""));
        jdbi.useHandle(h -> h.execute("INSERT INTO business_profiles (config_id, phone_number_id, about, read_at)"
                + " SELECT id, '1001', 'Succulent specialists!', now() FROM tenant_configs"));
        assertThat(strings(jdbi, "SELECT websites FROM business_profiles LIMIT 1"))
                .as("no website until Meta gives one")
                .containsExactly("[]");
        jdbi.useHandle(h -> h.execute("DELETE FROM tenant_configs WHERE tenant_id = 'globex'"));
        assertThat(strings(jdbi, "SELECT about FROM business_profiles"))
                .as("globex's went with its configuration")
                .containsExactly("Succulent specialists!");

        database.withLiquibase(liquibase -> liquibase.rollback(CHANGESETS - CHANGESETS_BEFORE_BUSINESS_PROFILES, ""));
        assertThat(appliedChangeSets(jdbi)).hasSize(CHANGESETS_BEFORE_BUSINESS_PROFILES);
        assertThat(schema(jdbi)).as("the schema of changeSet 30").isEqualTo(schemaBefore);
        assertThat(everyRow(jdbi, "tenant_configs")).isEqualTo(configsBefore.subList(0, 1));
    }
}
