package io.tenantconfig.application.service;

import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.ChangeSettingsUseCase;
import io.tenantconfig.application.port.in.CreateConfigUseCase;
import io.tenantconfig.application.port.in.DeleteConfigUseCase;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.SwitchActivationUseCase;
import io.tenantconfig.application.port.in.SwitchActivationUseCase.Activation;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.domain.SettingsUpdate;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Creating, changing, switching and deleting one tenant's configuration, and what the audit trail records. */
class ManageConfigTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ALICE = new Actor("alice");
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ConfigurationFeature configuration = TestFeatures.over(
                    store,
                    new ScriptedMetaOnboarding(),
                    variable -> Optional.empty(),
                    OnboardingPolicy.DEFAULT,
                    new ResolutionCounter(),
                    Clock.fixed(NOW, ZoneOffset.UTC))
            .configuration();

    private TenantConfig stored() {
        return store.inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()))
                .orElseThrow();
    }

    private TenantConfig current() {
        return store.load(ACME).orElseThrow();
    }

    private List<AuditEntry> trail() {
        return store.auditTrail().stream().map(AuditRecord::entry).toList();
    }

    private WriteResult change(SettingsUpdate changes, ExpectedVersion expected) {
        return configuration
                .changeSettings()
                .changeSettings(new ChangeSettingsUseCase.Command(ACME, ALICE, changes, expected));
    }

    private WriteResult switchTo(Activation activation, ExpectedVersion expected) {
        return configuration
                .switchActivation()
                .switchActivation(new SwitchActivationUseCase.Command(ACME, ALICE, expected, activation));
    }

    @Test
    void creating_stores_a_new_config_owned_by_the_caller_and_records_what_it_set() {
        CreateConfigUseCase.Result result = configuration
                .createConfig()
                .create(new CreateConfigUseCase.Command(
                        ACME,
                        ALICE,
                        update().wabaId("123456789").phoneNumberId("987654321").build()));

        assertThat(result).isEqualTo(new CreateConfigUseCase.Result.Created(current()));
        assertThat(current().onboarding().user()).isEqualTo(UserId.of("alice"));
        assertThat(current().version()).isEqualTo(1);
        assertThat(current().createdAt()).isEqualTo(NOW);
        assertThat(trail())
                .containsExactly(new AuditEntry(
                        ALICE,
                        ACME,
                        AuditAction.CREATE,
                        Set.of("waba_id", "phone_number_id", "phone_numbers.987654321")));
    }

    @Test
    void creating_with_no_settings_at_all_stores_an_empty_config() {
        CreateConfigUseCase.Result result =
                configuration.createConfig().create(new CreateConfigUseCase.Command(ACME, ALICE, SettingsUpdate.NONE));

        assertThat(result).isInstanceOf(CreateConfigUseCase.Result.Created.class);
        assertThat(current().account().wabaId()).isNull();
        assertThat(current().active()).isTrue();
    }

    @Test
    void creating_a_second_config_for_a_tenant_is_refused_and_records_nothing() {
        stored();

        CreateConfigUseCase.Result result = configuration
                .createConfig()
                .create(new CreateConfigUseCase.Command(
                        ACME, ALICE, update().wabaId("1").build()));

        assertThat(result).isEqualTo(new CreateConfigUseCase.Result.AlreadyExists());
        assertThat(trail()).isEmpty();
    }

    @Test
    void changing_settings_stores_the_next_version_and_records_the_fields_that_changed() {
        TenantConfig before = stored();

        WriteResult result =
                change(update().callbackUrl("https://new-url.com/webhook").build(), ExpectedVersion.exactly(1));

        assertThat(result).isEqualTo(new WriteResult.Done(current()));
        assertThat(current().callbacks().callbackUrl().value()).isEqualTo("https://new-url.com/webhook");
        assertThat(current().token()).isEqualTo(before.token());
        assertThat(current().version()).isEqualTo(2);
        assertThat(trail()).containsExactly(new AuditEntry(ALICE, ACME, AuditAction.UPDATE, Set.of("callback_url")));
    }

    @Test
    void changing_settings_with_a_stale_expected_version_is_refused_and_changes_nothing() {
        stored();
        change(update().callbackUrl("https://first.example/hook").build(), ExpectedVersion.any());

        WriteResult result =
                change(update().callbackUrl("https://second.example/hook").build(), ExpectedVersion.exactly(1));

        assertThat(result).isEqualTo(new WriteResult.VersionMismatch(2));
        assertThat(current().callbacks().callbackUrl().value()).isEqualTo("https://first.example/hook");
        assertThat(trail()).hasSize(1);
    }

    @Test
    void concurrent_changes_without_an_expected_version_all_apply_and_none_is_lost() throws Exception {
        stored();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<WriteResult>> results = new ArrayList<>();
        try {
            for (int writer = 0; writer < 8; writer++) {
                for (int i = 0; i < 25; i++) {
                    String token = "verify-" + writer + "-" + i;
                    results.add(
                            pool.submit(() -> change(update().verifyToken(token).build(), ExpectedVersion.any())));
                }
            }
            for (Future<WriteResult> result : results) {
                assertThat(result.get()).isInstanceOf(WriteResult.Done.class);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(current().version()).isEqualTo(1 + 200);
        assertThat(trail()).hasSize(200).allMatch(e -> e.action() == AuditAction.UPDATE);
    }

    @Test
    void changing_a_tenant_without_a_config_finds_nothing() {
        assertThat(change(update().callbackUrl("https://x.example/hook").build(), ExpectedVersion.any()))
                .isEqualTo(new WriteResult.NotFound());
        assertThat(trail()).isEmpty();
    }

    @Test
    void deactivating_stores_the_inactive_config_and_records_the_switch() {
        stored();

        WriteResult result = switchTo(Activation.INACTIVE, ExpectedVersion.any());

        assertThat(result).isEqualTo(new WriteResult.Done(current()));
        assertThat(current().active()).isFalse();
        assertThat(trail()).containsExactly(new AuditEntry(ALICE, ACME, AuditAction.DEACTIVATE, Set.of("is_active")));
    }

    @Test
    void activating_an_active_config_writes_and_records_nothing_and_keeps_its_version() {
        stored();

        WriteResult result = switchTo(Activation.ACTIVE, ExpectedVersion.exactly(1));

        assertThat(result).isEqualTo(new WriteResult.Done(current()));
        assertThat(current().version()).isEqualTo(1);
        assertThat(trail()).isEmpty();
    }

    @Test
    void deleting_answers_with_what_was_deleted_and_records_who_deleted_it() {
        TenantConfig before = stored();

        WriteResult byTenant = configuration
                .deleteConfig()
                .delete(new DeleteConfigUseCase.Command(
                        ACME, ALICE, ExpectedVersion.any(), DeleteConfigUseCase.Requester.TENANT));
        stored();
        configuration
                .deleteConfig()
                .delete(new DeleteConfigUseCase.Command(
                        ACME, ALICE, ExpectedVersion.any(), DeleteConfigUseCase.Requester.ADMIN));

        assertThat(byTenant).isEqualTo(new WriteResult.Done(before));
        assertThat(store.load(ACME)).isEmpty();
        assertThat(trail())
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.DELETE, AuditAction.DELETE_TENANT);
    }

    @Test
    void deleting_a_tenant_without_a_config_finds_nothing_and_records_nothing() {
        WriteResult result = configuration
                .deleteConfig()
                .delete(new DeleteConfigUseCase.Command(
                        ACME, ALICE, ExpectedVersion.any(), DeleteConfigUseCase.Requester.TENANT));

        assertThat(result).isEqualTo(new WriteResult.NotFound());
        assertThat(trail()).isEmpty();
    }

    @Test
    void deleting_at_a_stale_version_keeps_the_config() {
        stored();

        WriteResult result = configuration
                .deleteConfig()
                .delete(new DeleteConfigUseCase.Command(
                        ACME, ALICE, ExpectedVersion.exactly(7), DeleteConfigUseCase.Requester.TENANT));

        assertThat(result).isEqualTo(new WriteResult.VersionMismatch(1));
        assertThat(store.load(ACME)).isPresent();
        assertThat(trail()).isEmpty();
    }

    @Test
    void revealing_secrets_is_recorded_only_when_there_is_a_configuration_to_reveal() {
        assertThat(configuration.revealConfig().reveal(ACME, ALICE)).isEmpty();
        assertThat(trail()).isEmpty();

        stored();

        assertThat(configuration.revealConfig().reveal(ACME, ALICE)).contains(current());
        assertThat(trail()).containsExactly(AuditEntry.of(ALICE, ACME, AuditAction.SECRETS_READ));
    }
}
