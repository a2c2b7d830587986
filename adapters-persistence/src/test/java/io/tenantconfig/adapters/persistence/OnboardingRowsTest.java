package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Onboarding;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UserId;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows whose onboarding the domain cannot hold, written after changeSet 21 repaired the others (by
 * hand, or by an instance of the previous version), load as that changeSet would have left them.
 */
class OnboardingRowsTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant COMPLETED = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant LAST_CHANGED = Instant.parse("2026-02-01T10:00:00Z");
    private static final String IN_PROGRESS = "onboarding_status = 'WEBHOOK_SUBSCRIBED', onboarding_completed = false";

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());

    @BeforeEach
    void aCompletedConfiguration() {
        jdbi.useHandle(
                h -> h.execute(
                        "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health RESTART IDENTITY"));
        store.inTransaction(tx -> tx.insertIfAbsent(
                TestConfigs.aConfig("acme").onboardedAt(COMPLETED).build()));
        update("updated_at = '" + LAST_CHANGED + "'");
    }

    private void update(String assignments) {
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET " + assignments));
    }

    /** Changes the configuration's (only) account, its token and id now stored there. */
    private void updateAccount(String assignments) {
        jdbi.useHandle(h -> h.execute("UPDATE whatsapp_accounts SET " + assignments));
    }

    private Onboarding loaded() {
        return store.load(ACME).orElseThrow().onboarding();
    }

    @Test
    void a_completed_row_without_its_time_counts_as_completed_at_its_last_change() {
        update("onboarded_at = NULL");

        assertThat(loaded()).isInstanceOf(Onboarding.Completed.class);
        assertThat(loaded().onboardedAt()).isEqualTo(LAST_CHANGED);
    }

    @Test
    void a_run_in_progress_with_what_it_needs_loads_as_it_is() {
        update(IN_PROGRESS);

        assertThat(loaded())
                .isEqualTo(new Onboarding.InProgress(
                        Onboarding.Step.WEBHOOK_SUBSCRIBED,
                        UserId.of("user-of-acme"),
                        MetaId.parse(TestConfigs.wabaIdOf("acme")),
                        MetaId.parse(TestConfigs.phoneNumberIdOf("acme")),
                        COMPLETED));
    }

    @Test
    void a_run_in_progress_without_its_token_has_ended_and_keeps_the_rest() {
        update(IN_PROGRESS);
        updateAccount("access_token = NULL");

        assertThat(loaded())
                .isEqualTo(new Onboarding.ReauthorizationRequired(
                        UserId.of("user-of-acme"),
                        MetaId.parse(TestConfigs.wabaIdOf("acme")),
                        MetaId.parse(TestConfigs.phoneNumberIdOf("acme")),
                        COMPLETED));
    }

    @Test
    void a_run_in_progress_without_its_account_or_its_number_has_ended_too() {
        for (String missing : new String[] {
            "waba_id = NULL",
            "onboarding_phone_number_id = '999'",
            "onboarding_phone_number_id = NULL, onboarding_waba_id = NULL",
            "onboarding_phone_number_id = NULL, onboarding_status = 'PHONE_REGISTERED'"
        }) {
            aCompletedConfiguration();
            update(IN_PROGRESS);
            if (missing.startsWith("waba_id")) {
                updateAccount(missing);
            } else {
                update(missing);
            }

            assertThat(loaded()).as(missing).isInstanceOf(Onboarding.ReauthorizationRequired.class);
        }
    }

    @Test
    void
            a_run_without_a_number_on_its_account_loads_as_it_is_and_a_row_of_the_previous_version_runs_on_its_numbers_account() {
        aCompletedConfiguration();
        update(IN_PROGRESS + ", onboarding_phone_number_id = NULL");
        assertThat(loaded())
                .as("a signup that finished without a number")
                .isEqualTo(new Onboarding.InProgress(
                        Onboarding.Step.WEBHOOK_SUBSCRIBED,
                        UserId.of("user-of-acme"),
                        MetaId.parse(TestConfigs.wabaIdOf("acme")),
                        null,
                        COMPLETED));

        aCompletedConfiguration();
        update(IN_PROGRESS + ", onboarding_waba_id = NULL");
        assertThat(loaded().wabaId())
                .as("the previous version wrote no onboarding_waba_id")
                .isEqualTo(MetaId.parse(TestConfigs.wabaIdOf("acme")));
    }

    @Test
    void the_next_write_stores_what_was_loaded() {
        update(IN_PROGRESS);
        updateAccount("access_token = NULL");

        TenantConfig saved = store.inTransaction(tx -> tx.save(tx.lock(ACME).orElseThrow()));

        assertThat(saved.onboarding()).isInstanceOf(Onboarding.ReauthorizationRequired.class);
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT onboarding_status FROM tenant_configs")
                .mapTo(String.class)
                .one());
        assertThat(stored).isEqualTo("REAUTHORIZATION_REQUIRED");
    }
}
