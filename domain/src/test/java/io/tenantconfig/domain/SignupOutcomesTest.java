package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.HealthRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way Embedded Signup v4 can finish: with a number, with the account alone, with a WhatsApp Business app's number. */
class SignupOutcomesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");
    private static final UserId ALICE = UserId.of("alice");
    private static final MetaId WABA = MetaId.parse("111");
    private static final MetaId OTHER_WABA = MetaId.parse("333");
    private static final MetaId NUMBER = MetaId.parse("222");
    private static final AccessGrant GRANT = new AccessGrant(Secret.of("EAAG-token-1"), null);

    private static SignupAccount signup(SignupFinish finish, MetaId wabaId, MetaId number) {
        return new SignupAccount(finish, wabaId, number, null, null, List.of());
    }

    @Test
    void a_signup_finished_with_a_number_names_it_and_one_with_the_account_alone_names_none() {
        assertThatThrownBy(() -> signup(SignupFinish.FINISH, WABA, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a signup finished with a number names it");
        assertThatThrownBy(() -> signup(SignupFinish.FINISH_ONLY_WABA, WABA, NUMBER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a signup finished with the account alone names no number");
        assertThat(signup(SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING, WABA, null)
                        .phoneNumberId())
                .as("a WhatsApp Business app signup may come without the number's id")
                .isNull();
        assertThat(new SignupAccount(WABA, NUMBER, null, null).finish())
                .as("the seed's signup")
                .isEqualTo(SignupFinish.FINISH);
    }

    @Test
    void a_first_signup_without_a_number_stores_the_account_and_its_token_and_runs_on_the_account() {
        Changed signedUp = changed(TenantConfig.onboard(
                ACME, ALICE, signup(SignupFinish.FINISH_ONLY_WABA, WABA, null), GRANT, TestLimits.MOST, CLOCK));

        TenantConfig config = signedUp.config();
        assertThat(config.accounts().all()).extracting(Account::wabaId).containsExactly(WABA);
        assertThat(config.primaryAccount().token().accessToken()).isEqualTo(GRANT.token());
        assertThat(config.phoneNumbers().size()).isZero();
        assertThat(config.onboarding())
                .isEqualTo(new Onboarding.InProgress(Onboarding.Step.TOKEN_EXCHANGED, ALICE, WABA, null, null));
        assertThat(config.onboardingAccount().wabaId()).isEqualTo(WABA);
        assertThat(config.onboardingNumber()).isEmpty();
        assertThat(config.holdsWhatOnboardingNeeds()).isTrue();

        TenantConfig completed = config.webhookSubscribed(List.of(WABA), CLOCK)
                .config()
                .onboardingCompleted(CLOCK)
                .config();
        assertThat(completed.onboarding()).isEqualTo(new Onboarding.Completed(ALICE, WABA, null, NOW));
    }

    @Test
    void a_signup_of_another_account_without_a_number_keeps_every_number_and_runs_on_that_account() {
        TenantConfig withNumber = Signups.first(ACME, ALICE, signup(SignupFinish.FINISH, WABA, NUMBER), GRANT, CLOCK)
                .config();

        TenantConfig config = changed(withNumber.reauthorize(
                        ALICE,
                        signup(SignupFinish.FINISH_ONLY_WABA, OTHER_WABA, null),
                        new AccessGrant(Secret.of("EAAG-token-2"), null),
                        TestLimits.MOST,
                        CLOCK))
                .config();

        assertThat(config.phoneNumbers()).isEqualTo(withNumber.phoneNumbers());
        assertThat(config.onboardingAccount().wabaId()).isEqualTo(OTHER_WABA);
        assertThat(config.onboardingAccount().token().accessToken().reveal()).isEqualTo("EAAG-token-2");
        assertThat(config.primaryAccount().token().accessToken()).isEqualTo(GRANT.token());
        assertThat(config.onboardingNumber()).isEmpty();
    }

    @Test
    void a_whatsapp_business_app_number_is_marked_so_and_a_later_cloud_api_signup_of_it_unmarks_it() {
        TenantConfig coexisting = Signups.first(
                        ACME,
                        ALICE,
                        signup(SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING, WABA, NUMBER),
                        GRANT,
                        CLOCK)
                .config();

        assertThat(coexisting.onboardingNumber().orElseThrow().coexistence()).isTrue();
        assertThat(coexisting.defaultNumber().orElseThrow().id()).isEqualTo(NUMBER);

        TenantConfig cloudOnly = changed(coexisting.reauthorize(
                        ALICE, signup(SignupFinish.FINISH, WABA, NUMBER), GRANT, TestLimits.MOST, CLOCK))
                .config();
        assertThat(cloudOnly.onboardingNumber().orElseThrow().coexistence()).isFalse();
    }

    @Test
    void a_tenant_with_an_account_but_no_number_is_told_to_add_one() {
        TenantConfig config = changed(TenantConfig.onboard(
                        ACME, ALICE, signup(SignupFinish.FINISH_ONLY_WABA, WABA, null), GRANT, TestLimits.MOST, CLOCK))
                .config();

        Health health = HealthRules.assess(
                config, MetaId.parse("1234567890"), Map.of(), Health.NEVER_CHECKED, NOW, Duration.ofDays(7));

        assertThat(health.reasons()).extracting(HealthReason::code).contains(HealthReason.Code.NO_PHONE_NUMBER);
        assertThat(health.reasons().stream()
                        .filter(reason -> reason.code() == HealthReason.Code.NO_PHONE_NUMBER)
                        .findFirst()
                        .orElseThrow()
                        .message())
                .contains("POST /api/v1/tenant/config/phone-numbers");
    }
}
