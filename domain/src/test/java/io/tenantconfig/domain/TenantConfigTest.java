package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TenantConfigTest {

    private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant LATER = CREATED.plus(Duration.ofHours(3));
    private static final Clock AT_CREATION = Clock.fixed(CREATED, ZoneOffset.UTC);
    private static final Clock LATER_ON = Clock.fixed(LATER, ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");

    private static TenantConfigChanges.Builder wabaAndPhone() {
        return TenantConfigChanges.builder()
                .wabaId(Change.to(MetaId.parse(ConfigField.WABA_ID, "123456789")))
                .phoneNumberId(Change.to(MetaId.parse(ConfigField.PHONE_NUMBER_ID, "987654321")));
    }

    private static TenantConfig aStoredConfig() {
        TenantConfig created = TenantConfig.create(ACME, "user-1", wabaAndPhone()
                .accessToken(Change.to(Secret.of(ConfigField.ACCESS_TOKEN, "EAAG-old-token-1234")))
                .tokenExpiresAt(Change.to(CREATED.plus(Duration.ofDays(60))))
                .callbackUrl(Change.to(WebUrl.parse(ConfigField.CALLBACK_URL, "https://acme.example/webhook")))
                .build(), AT_CREATION);
        return TenantConfig.restore()
                .id(7L).tenantId(created.tenantId()).userId(created.userId())
                .wabaId(created.wabaId()).phoneNumberId(created.phoneNumberId())
                .accessToken(created.accessToken()).tokenExpiresAt(created.tokenExpiresAt())
                .lastVerifiedAt(CREATED).callbackUrl(created.callbackUrl())
                .active(true).onboardingStatus(OnboardingStatus.NOT_STARTED)
                .createdAt(CREATED).updatedAt(CREATED).version(1)
                .build();
    }

    @Test
    void a_new_config_is_active_not_onboarded_and_stamped_with_the_clock() {
        TenantConfig config = TenantConfig.create(ACME, "user-1", wabaAndPhone().build(), AT_CREATION);

        assertThat(config.isActive()).isTrue();
        assertThat(config.isOnboardingCompleted()).isFalse();
        assertThat(config.onboardingStatus()).isEqualTo(OnboardingStatus.NOT_STARTED);
        assertThat(config.createdAt()).isEqualTo(CREATED);
        assertThat(config.updatedAt()).isEqualTo(CREATED);
        assertThat(config.id()).isEmpty();
        assertThat(config.version()).isZero();
    }

    @Test
    void a_new_config_needs_a_waba_id_and_a_phone_number_id_and_names_both_when_missing() {
        assertThatThrownBy(() -> TenantConfig.create(ACME, "user-1", TenantConfigChanges.none(), AT_CREATION))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new FieldViolation("waba_id", "waba_id is required"),
                                new FieldViolation("phone_number_id", "phone_number_id is required")));
    }

    @Test
    void a_new_config_may_start_inactive() {
        TenantConfig config = TenantConfig.create(ACME, null, wabaAndPhone().active(Change.to(false)).build(), AT_CREATION);

        assertThat(config.isActive()).isFalse();
    }

    @Test
    void an_update_changes_only_the_fields_it_names() {
        TenantConfig stored = aStoredConfig();
        WebUrl newCallback = WebUrl.parse(ConfigField.CALLBACK_URL, "https://new-url.com/webhook");

        TenantConfig updated = stored.update(
                TenantConfigChanges.builder().callbackUrl(Change.to(newCallback)).build(), LATER_ON);

        assertThat(updated.callbackUrl()).isEqualTo(newCallback);
        assertThat(updated.accessToken()).isEqualTo(stored.accessToken());
        assertThat(updated.tokenExpiresAt()).isEqualTo(stored.tokenExpiresAt());
        assertThat(updated.wabaId()).isEqualTo(stored.wabaId());
        assertThat(updated.updatedAt()).isEqualTo(LATER);
        assertThat(updated.createdAt()).isEqualTo(CREATED);
        assertThat(updated.version()).as("the version it was read at, for the repository's check").isEqualTo(1);
    }

    @Test
    void an_update_can_clear_an_optional_field() {
        TenantConfig updated = aStoredConfig().update(
                TenantConfigChanges.builder().callbackUrl(Change.clear()).build(), LATER_ON);

        assertThat(updated.callbackUrl()).isNull();
    }

    @Test
    void an_update_cannot_remove_the_waba_id_or_the_phone_number_id() {
        TenantConfigChanges removal = TenantConfigChanges.builder()
                .wabaId(Change.clear()).phoneNumberId(Change.clear()).build();

        assertThatThrownBy(() -> aStoredConfig().update(removal, LATER_ON))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("waba_id", "phone_number_id"));
    }

    @Test
    void replacing_the_access_token_forgets_the_old_tokens_expiry_and_verification() {
        TenantConfig updated = aStoredConfig().update(TenantConfigChanges.builder()
                .accessToken(Change.to(Secret.of(ConfigField.ACCESS_TOKEN, "EAAG-new-token-5678"))).build(), LATER_ON);

        assertThat(updated.accessToken().reveal()).isEqualTo("EAAG-new-token-5678");
        assertThat(updated.tokenExpiresAt()).isNull();
        assertThat(updated.lastVerifiedAt()).isNull();
    }

    @Test
    void replacing_the_access_token_keeps_an_expiry_given_with_it() {
        Instant newExpiry = LATER.plus(Duration.ofDays(60));

        TenantConfig updated = aStoredConfig().update(TenantConfigChanges.builder()
                .accessToken(Change.to(Secret.of(ConfigField.ACCESS_TOKEN, "EAAG-new-token-5678")))
                .tokenExpiresAt(Change.to(newExpiry)).build(), LATER_ON);

        assertThat(updated.tokenExpiresAt()).isEqualTo(newExpiry);
    }

    @Test
    void setting_the_same_access_token_again_keeps_what_is_known_about_it() {
        TenantConfig stored = aStoredConfig();

        TenantConfig updated = stored.update(TenantConfigChanges.builder()
                .accessToken(Change.to(Secret.of(ConfigField.ACCESS_TOKEN, "EAAG-old-token-1234"))).build(), LATER_ON);

        assertThat(updated.tokenExpiresAt()).isEqualTo(stored.tokenExpiresAt());
        assertThat(updated.lastVerifiedAt()).isEqualTo(stored.lastVerifiedAt());
    }

    @Test
    void deactivating_an_active_config_switches_it_off() {
        ActivationResult result = aStoredConfig().deactivate(LATER_ON);

        assertThat(result).isInstanceOf(ActivationResult.Switched.class);
        assertThat(result.config().isActive()).isFalse();
        assertThat(result.config().updatedAt()).isEqualTo(LATER);
    }

    @Test
    void activating_an_already_active_config_changes_nothing() {
        TenantConfig stored = aStoredConfig();

        ActivationResult result = stored.activate(LATER_ON);

        assertThat(result).isInstanceOf(ActivationResult.AlreadyInState.class);
        assertThat(result.config()).isSameAs(stored);
    }

    @Test
    void an_inactive_config_can_be_activated_again() {
        TenantConfig inactive = aStoredConfig().deactivate(LATER_ON).config();

        ActivationResult result = inactive.activate(LATER_ON);

        assertThat(result).isInstanceOf(ActivationResult.Switched.class);
        assertThat(result.config().isActive()).isTrue();
    }

    @Test
    void printing_a_config_never_shows_its_secrets() {
        assertThat(aStoredConfig().toString()).doesNotContain("EAAG").doesNotContain("old-token");
    }
}
