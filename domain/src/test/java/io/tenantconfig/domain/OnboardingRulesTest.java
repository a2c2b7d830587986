package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OnboardingRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SignupAccount ACCOUNT = new SignupAccount(MetaId.parse(ConfigField.WABA_ID, "111"),
            MetaId.parse(ConfigField.PHONE_NUMBER_ID, "222"), null, null);
    private static final AccessGrant GRANT = new AccessGrant(Secret.of(ConfigField.ACCESS_TOKEN, "EAAG-token-1"), null);

    private static TenantConfig onboardedOnce() {
        TenantConfig config = TenantConfig.onboard(TenantId.of("acme"), "alice", ACCOUNT, GRANT, CLOCK)
                .withRegistrationPin(Secret.of(ConfigField.REGISTRATION_PIN, "123456"), CLOCK)
                .onboardingCompleted(CLOCK);
        return config.update(TenantConfigChanges.builder()
                .verifyToken(Change.to(VerifyToken.parse("kept"))).build(), CLOCK);
    }

    @Test
    void a_first_signup_stores_the_token_and_records_the_exchange() {
        TenantConfig config = TenantConfig.onboard(TenantId.of("acme"), "alice", ACCOUNT, GRANT, CLOCK);

        assertThat(config.onboardingStatus()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
        assertThat(config.accessToken()).isEqualTo(GRANT.token());
        assertThat(config.isOnboardingCompleted()).isFalse();
        assertThat(config.isActive()).isTrue();
        assertThat(config.userId()).isEqualTo("alice");
    }

    @Test
    void reauthorizing_replaces_the_token_and_starts_a_new_run_but_keeps_the_settings() {
        AccessGrant renewed = new AccessGrant(Secret.of(ConfigField.ACCESS_TOKEN, "EAAG-token-2"), NOW.plusSeconds(60));

        TenantConfig config = onboardedOnce().reauthorize("bob", ACCOUNT, renewed, CLOCK);

        assertThat(config.accessToken().reveal()).isEqualTo("EAAG-token-2");
        assertThat(config.tokenExpiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(config.onboardingStatus()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
        assertThat(config.isOnboardingCompleted()).isFalse();
        assertThat(config.verifyToken().value()).isEqualTo("kept");
        assertThat(config.registrationPin().reveal()).as("same number, same PIN").isEqualTo("123456");
        assertThat(config.userId()).isEqualTo("bob");
    }

    @Test
    void reauthorizing_with_another_phone_number_forgets_the_old_numbers_pin() {
        SignupAccount otherNumber = new SignupAccount(ACCOUNT.wabaId(), MetaId.parse(ConfigField.PHONE_NUMBER_ID, "333"), null, null);

        TenantConfig config = onboardedOnce().reauthorize("alice", otherNumber, GRANT, CLOCK);

        assertThat(config.phoneNumberId().value()).isEqualTo("333");
        assertThat(config.registrationPin()).isNull();
    }

    @Test
    void completing_marks_the_config_onboarded_now() {
        TenantConfig config = onboardedOnce();

        assertThat(config.onboardingStatus()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(config.isOnboardingCompleted()).isTrue();
        assertThat(config.onboardedAt()).isEqualTo(NOW);
    }

    @Test
    void a_token_meta_refuses_needs_a_new_signup() {
        TenantConfig config = onboardedOnce().reauthorizationRequired(CLOCK);

        assertThat(config.onboardingStatus()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(config.isOnboardingCompleted()).isFalse();
    }

    @Test
    void only_real_steps_can_be_recorded_as_reached() {
        assertThatThrownBy(() -> onboardedOnce().onboardingReached(OnboardingStatus.COMPLETED, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_signup_code_never_prints() {
        assertThat(new SignupCode("AQD-secret-code").toString()).doesNotContain("AQD");
    }

    @Test
    void clearing_the_token_mid_onboarding_is_an_update_in_the_audit_trail() {
        TenantConfig started = TenantConfig.onboard(TenantId.of("acme"), "alice", ACCOUNT, GRANT, CLOCK);

        TenantConfig cleared = started.update(TenantConfigChanges.builder().accessToken(Change.clear()).build(), CLOCK);

        assertThat(AuditAction.ofChange(started, cleared)).isEqualTo(AuditAction.UPDATE);
        assertThat(TenantConfig.changedFields(started, cleared)).containsExactly("access_token");
    }
}
