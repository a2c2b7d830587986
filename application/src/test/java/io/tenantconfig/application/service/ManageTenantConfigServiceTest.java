package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.application.fixtures.DelegatingRepository;
import io.tenantconfig.application.fixtures.InMemoryTenantConfigRepository;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.Actor;
import io.tenantconfig.application.usecase.ChangeActivationUseCase;
import io.tenantconfig.application.usecase.ConfigWriteResult;
import io.tenantconfig.application.usecase.CreateTenantConfigUseCase;
import io.tenantconfig.application.usecase.DeleteTenantConfigUseCase;
import io.tenantconfig.application.usecase.UpdateTenantConfigUseCase;
import io.tenantconfig.domain.Change;
import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.InvalidTenantConfigException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantConfigChanges;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.WebUrl;
import io.tenantconfig.domain.port.ExpectedVersion;
import io.tenantconfig.domain.port.SaveOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ManageTenantConfigServiceTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ALICE = new Actor("alice");
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    private final InMemoryTenantConfigRepository repository = new InMemoryTenantConfigRepository();
    private final ManageTenantConfigService service =
            new ManageTenantConfigService(repository, Clock.fixed(NOW, ZoneOffset.UTC));

    private static TenantConfigChanges wabaAndPhone() {
        return TenantConfigChanges.builder()
                .wabaId(Change.to(MetaId.parse(ConfigField.WABA_ID, "123456789")))
                .phoneNumberId(Change.to(MetaId.parse(ConfigField.PHONE_NUMBER_ID, "987654321")))
                .build();
    }

    private static TenantConfigChanges callbackUrl(String url) {
        return TenantConfigChanges.builder().callbackUrl(Change.to(WebUrl.parse(ConfigField.CALLBACK_URL, url))).build();
    }

    private TenantConfig stored() {
        return ((SaveOutcome.Saved) repository.insert(TestConfigs.aConfig("acme").build())).config();
    }

    @Test
    void creating_stores_a_new_config_owned_by_the_caller() {
        ConfigWriteResult result = service.create(new CreateTenantConfigUseCase.Command(ACME, ALICE, wabaAndPhone()));

        assertThat(result).isInstanceOf(ConfigWriteResult.Done.class);
        TenantConfig config = repository.findByTenant(ACME).orElseThrow();
        assertThat(config.userId()).isEqualTo("alice");
        assertThat(config.version()).isEqualTo(1);
        assertThat(config.createdAt()).isEqualTo(NOW);
    }

    @Test
    void creating_a_second_config_for_a_tenant_is_refused() {
        stored();

        ConfigWriteResult result = service.create(new CreateTenantConfigUseCase.Command(ACME, ALICE, wabaAndPhone()));

        assertThat(result).isInstanceOf(ConfigWriteResult.AlreadyExists.class);
    }

    @Test
    void creating_without_the_required_fields_names_them_and_stores_nothing() {
        assertThatThrownBy(() -> service.create(
                new CreateTenantConfigUseCase.Command(ACME, ALICE, TenantConfigChanges.none())))
                .isInstanceOf(InvalidTenantConfigException.class);
        assertThat(repository.findByTenant(ACME)).isEmpty();
    }

    @Test
    void updating_changes_the_given_fields_and_moves_to_the_next_version() {
        TenantConfig before = stored();

        ConfigWriteResult result = service.update(new UpdateTenantConfigUseCase.Command(
                ACME, ALICE, callbackUrl("https://new-url.com/webhook"), ExpectedVersion.exactly(1)));

        TenantConfig after = ((ConfigWriteResult.Done) result).config();
        assertThat(after.callbackUrl().value()).isEqualTo("https://new-url.com/webhook");
        assertThat(after.accessToken()).isEqualTo(before.accessToken());
        assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void updating_with_a_stale_expected_version_is_refused_and_changes_nothing() {
        stored();
        service.update(new UpdateTenantConfigUseCase.Command(
                ACME, ALICE, callbackUrl("https://first.example/hook"), ExpectedVersion.any()));

        ConfigWriteResult result = service.update(new UpdateTenantConfigUseCase.Command(
                ACME, ALICE, callbackUrl("https://second.example/hook"), ExpectedVersion.exactly(1)));

        assertThat(result).isEqualTo(new ConfigWriteResult.VersionMismatch(2));
        assertThat(repository.findByTenant(ACME).orElseThrow().callbackUrl().value())
                .isEqualTo("https://first.example/hook");
    }

    @Test
    void updating_without_an_expected_version_reapplies_on_top_of_a_concurrent_change() {
        stored();
        ConcurrentWriter writer = new ConcurrentWriter(repository);
        ManageTenantConfigService racing = new ManageTenantConfigService(writer, Clock.fixed(NOW, ZoneOffset.UTC));

        ConfigWriteResult result = racing.update(new UpdateTenantConfigUseCase.Command(
                ACME, ALICE, callbackUrl("https://mine.example/hook"), ExpectedVersion.any()));

        TenantConfig after = ((ConfigWriteResult.Done) result).config();
        assertThat(after.callbackUrl().value()).isEqualTo("https://mine.example/hook");
        assertThat(after.isActive()).as("the concurrent writer's change survives").isFalse();
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void updating_a_tenant_without_a_config_finds_nothing() {
        ConfigWriteResult result = service.update(new UpdateTenantConfigUseCase.Command(
                ACME, ALICE, callbackUrl("https://x.example/hook"), ExpectedVersion.any()));

        assertThat(result).isInstanceOf(ConfigWriteResult.NotFound.class);
    }

    @Test
    void deactivating_stores_the_inactive_config() {
        stored();

        ConfigWriteResult result = service.deactivate(new ChangeActivationUseCase.Command(ACME, ALICE, ExpectedVersion.any()));

        assertThat(((ConfigWriteResult.Done) result).config().isActive()).isFalse();
        assertThat(repository.findByTenant(ACME).orElseThrow().isActive()).isFalse();
    }

    @Test
    void activating_an_active_config_writes_nothing_and_keeps_its_version() {
        stored();

        ConfigWriteResult result = service.activate(new ChangeActivationUseCase.Command(ACME, ALICE, ExpectedVersion.exactly(1)));

        assertThat(((ConfigWriteResult.Done) result).config().version()).isEqualTo(1);
        assertThat(repository.findByTenant(ACME).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void deleting_answers_with_what_was_deleted() {
        TenantConfig before = stored();

        ConfigWriteResult result = service.delete(new DeleteTenantConfigUseCase.Command(ACME, ALICE, ExpectedVersion.any()));

        assertThat(((ConfigWriteResult.Done) result).config().id()).isEqualTo(before.id());
        assertThat(repository.findByTenant(ACME)).isEmpty();
    }

    @Test
    void deleting_at_a_stale_version_keeps_the_config() {
        stored();

        ConfigWriteResult result = service.delete(new DeleteTenantConfigUseCase.Command(ACME, ALICE, ExpectedVersion.exactly(7)));

        assertThat(result).isEqualTo(new ConfigWriteResult.VersionMismatch(1));
        assertThat(repository.findByTenant(ACME)).isPresent();
    }

    /** A repository where another writer deactivates the config just before our first update. */
    private static final class ConcurrentWriter extends DelegatingRepository {
        private boolean raced;

        ConcurrentWriter(InMemoryTenantConfigRepository delegate) {
            super(delegate);
        }

        @Override
        public SaveOutcome update(TenantConfig changed) {
            if (!raced) {
                raced = true;
                TenantConfig current = delegate.findByTenant(changed.tenantId()).orElseThrow();
                delegate.update(TestConfigs.copyOf(current).active(false).build());
            }
            return delegate.update(changed);
        }
    }
}
