package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnboardingRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");
    private static final UserId ALICE = UserId.of("alice");
    private static final SignupAccount ACCOUNT =
            new SignupAccount(MetaId.parse("111"), MetaId.parse("222"), null, null);
    private static final AccessGrant GRANT = new AccessGrant(Secret.of("EAAG-token-1"), null);

    private static TenantConfig onboardedOnce() {
        TenantConfig config = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK)
                .config()
                .registrationPinChosen(Secret.of("123456"), CLOCK)
                .config()
                .onboardingCompleted(CLOCK)
                .config();
        return changed(config.changeSettings(update().verifyToken("kept").build(), CLOCK))
                .config();
    }

    @Test
    void a_first_signup_stores_the_account_and_the_token_and_records_the_exchange() {
        Changed onboarded = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK);

        TenantConfig config = onboarded.config();
        assertThat(config.onboarding().status()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
        assertThat(config.token().accessToken()).isEqualTo(GRANT.token());
        assertThat(config.account().wabaId()).isEqualTo(ACCOUNT.wabaId());
        assertThat(config.phoneNumbers().defaultId()).isEqualTo(ACCOUNT.phoneNumberId());
        assertThat(config.onboardingNumber().orElseThrow().id()).isEqualTo(ACCOUNT.phoneNumberId());
        assertThat(config.onboarding().isCompleted()).isFalse();
        assertThat(config.active()).isTrue();
        assertThat(config.onboarding().user()).isEqualTo(ALICE);
        assertThat(onboarded.event()).isInstanceOf(DomainEvent.TokenExchanged.class);
        assertThat(onboarded.event().fields())
                .containsExactlyInAnyOrder(
                        "waba_id",
                        "phone_number_id",
                        "phone_numbers.222",
                        "onboarding_phone_number_id",
                        "onboarding_waba_id",
                        "access_token",
                        "onboarding_status");
    }

    @Test
    void reauthorizing_replaces_the_token_and_starts_a_new_run_but_keeps_the_settings() {
        AccessGrant renewed = new AccessGrant(Secret.of("EAAG-token-2"), NOW.plusSeconds(60));

        Changed reauthorized =
                changed(onboardedOnce().reauthorize(UserId.of("bob"), ACCOUNT, renewed, TestLimits.MOST, CLOCK));

        TenantConfig config = reauthorized.config();
        assertThat(config.token().accessToken().reveal()).isEqualTo("EAAG-token-2");
        assertThat(config.token().expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(config.onboarding().status()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
        assertThat(config.onboarding().isCompleted()).isFalse();
        assertThat(config.callbacks().verifyToken().value()).isEqualTo("kept");
        assertThat(config.phoneNumbers().all())
                .as("signing up the same number again changes no number")
                .isEqualTo(onboardedOnce().phoneNumbers().all());
        assertThat(config.defaultNumber().orElseThrow().registrationPin().reveal())
                .as("same number, same PIN")
                .isEqualTo("123456");
        assertThat(config.onboarding().user()).isEqualTo(UserId.of("bob"));
        assertThat(reauthorized.event().fields())
                .as("every field that differs, the new onboarding user and the run no longer completed included")
                .containsExactlyInAnyOrder(
                        "access_token", "token_expires_at", "onboarding_status", "onboarding_completed", "user_id");
    }

    @Test
    void signing_up_another_number_of_the_same_account_adds_it_and_keeps_the_default() {
        SignupAccount otherNumber = new SignupAccount(ACCOUNT.wabaId(), MetaId.parse("333"), null, null);

        Changed reauthorized = changed(onboardedOnce().reauthorize(ALICE, otherNumber, GRANT, TestLimits.MOST, CLOCK));

        TenantConfig config = reauthorized.config();
        assertThat(config.phoneNumbers().all()).extracting(n -> n.id().value()).containsExactly("222", "333");
        assertThat(config.phoneNumbers().defaultId().value()).isEqualTo("222");
        assertThat(config.onboardingNumber().orElseThrow().id().value())
                .as("the run registers the new number")
                .isEqualTo("333");
        assertThat(config.onboardingNumber().orElseThrow().registrationPin()).isNull();
        assertThat(config.defaultNumber().orElseThrow().registrationPin().reveal())
                .isEqualTo("123456");
        assertThat(reauthorized.event().fields())
                .contains("phone_numbers.333", "onboarding_phone_number_id")
                .doesNotContain("phone_number_id", "registration_pin");
    }

    @Test
    void signing_up_a_number_of_another_account_adds_that_account_and_keeps_the_old_one_with_its_numbers() {
        TenantConfig twoNumbers = changed(onboardedOnce()
                        .addPhoneNumber(
                                PhoneNumber.added(MetaId.parse("444"), null, null, null), TestLimits.MOST, CLOCK))
                .config();
        SignupAccount elsewhere = new SignupAccount(MetaId.parse("999"), MetaId.parse("333"), null, null);
        AccessGrant otherToken = new AccessGrant(Secret.of("EAAG-token-999"), null);

        Changed signedUp = changed(twoNumbers.reauthorize(ALICE, elsewhere, otherToken, TestLimits.MOST, CLOCK));

        TenantConfig config = signedUp.config();
        assertThat(config.accounts().all()).extracting(a -> a.wabaId().value()).containsExactly("111", "999");
        assertThat(config.account().wabaId().value())
                .as("the default number stays, and with it the primary account")
                .isEqualTo("111");
        assertThat(config.token().accessToken()).isEqualTo(GRANT.token());
        assertThat(config.accounts()
                        .find(MetaId.parse("999"))
                        .orElseThrow()
                        .token()
                        .accessToken())
                .isEqualTo(otherToken.token());
        assertThat(config.phoneNumbers().all())
                .extracting(n -> n.id().value() + "@" + n.wabaId().value())
                .containsExactly("222@111", "444@111", "333@999");
        assertThat(config.defaultNumber().orElseThrow().registrationPin().reveal())
                .isEqualTo("123456");
        assertThat(config.onboardingNumber().orElseThrow().id().value()).isEqualTo("333");
        assertThat(config.holdsWhatOnboardingNeeds()).isTrue();
        assertThat(signedUp.event().fields())
                .contains("accounts.999", "phone_numbers.333", "onboarding_phone_number_id")
                .doesNotContain("waba_id", "access_token", "phone_number_id");
    }

    @Test
    void a_signup_that_would_exceed_the_limit_is_refused() {
        SignupAccount otherNumber = new SignupAccount(ACCOUNT.wabaId(), MetaId.parse("333"), null, null);

        assertThat(onboardedOnce().reauthorize(ALICE, otherNumber, GRANT, TestLimits.numbers(1), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.TOO_MANY_NUMBERS,
                        "a configuration holds at most 1 phone numbers; remove one before adding another"));
    }

    @Test
    void registering_stamps_the_signed_up_number() {
        TenantConfig registered = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK)
                .config()
                .phoneRegistered(CLOCK)
                .config();

        assertThat(registered.onboardingNumber().orElseThrow().registeredAt()).isEqualTo(NOW);
    }

    @Test
    void completing_marks_the_config_onboarded_now() {
        TenantConfig config = onboardedOnce();

        assertThat(config.onboarding().status()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(config.onboarding().isCompleted()).isTrue();
        assertThat(config.onboarding().onboardedAt()).isEqualTo(NOW);
    }

    @Test
    void each_step_says_which_step_it_was() {
        TenantConfig started = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK).config();

        assertThat(started.tokenVerified(ACCOUNT.wabaId(), null, null, Set.of(), CLOCK)
                        .event())
                .isInstanceOf(DomainEvent.TokenVerified.class);
        assertThat(started.webhookSubscribed(List.of(ACCOUNT.wabaId()), CLOCK).event())
                .isInstanceOf(DomainEvent.WebhookSubscribed.class);
        assertThat(started.phoneRegistered(CLOCK).config().onboarding().status())
                .isEqualTo(OnboardingStatus.PHONE_REGISTERED);
        assertThat(started.onboardingCompleted(CLOCK).event().fields())
                .containsExactlyInAnyOrder("onboarding_status", "onboarding_completed", "onboarded_at");
    }

    @Test
    void a_checked_token_records_when_it_was_checked_and_when_it_expires() {
        TenantConfig verified = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK)
                .config()
                .tokenVerified(ACCOUNT.wabaId(), NOW.plusSeconds(3600), null, Set.of(), CLOCK)
                .config();

        assertThat(verified.token().lastVerifiedAt()).isEqualTo(NOW);
        assertThat(verified.token().expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void a_token_meta_refuses_needs_a_new_signup() {
        TenantConfig config = onboardedOnce()
                .reauthorizationRequired(DomainEvent.ReauthorizationRequired.FoundBy.HEALTH_CHECK, CLOCK)
                .config();

        assertThat(config.onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(config.onboarding().isCompleted()).isFalse();
        assertThat(config.onboarding().status().isResumable()).isFalse();
    }

    @Test
    void only_the_steps_after_the_exchange_can_be_resumed() {
        assertThat(OnboardingStatus.values())
                .filteredOn(OnboardingStatus::isResumable)
                .containsExactly(
                        OnboardingStatus.TOKEN_EXCHANGED,
                        OnboardingStatus.WEBHOOK_SUBSCRIBED,
                        OnboardingStatus.PHONE_REGISTERED);
    }

    @Test
    void a_signup_code_never_prints() {
        assertThat(new SignupCode("AQD-secret-code").toString()).doesNotContain("AQD");
    }

    @Test
    void clearing_the_token_mid_onboarding_ends_the_run_and_the_change_says_so() {
        TenantConfig started = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK).config();

        Changed cleared =
                changed(started.changeSettings(update().accessToken(null).build(), CLOCK));

        assertThat(cleared.event())
                .isEqualTo(new DomainEvent.SettingsChanged(ACME, Set.of("access_token", "onboarding_status")));
        assertThat(cleared.config().token().accessToken()).isNull();
        assertThat(cleared.config().onboarding())
                .isEqualTo(
                        new Onboarding.ReauthorizationRequired(ALICE, ACCOUNT.wabaId(), ACCOUNT.phoneNumberId(), null));
    }

    @Test
    void clearing_the_account_or_removing_the_signed_up_number_mid_onboarding_ends_the_run_too() {
        TenantConfig started = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK).config();

        Changed withoutAccount = changed(
                started.changeSettings(update().wabaId(null).phoneNumberId(null).build(), CLOCK));
        Changed withoutNumber = changed(started.removePhoneNumber(ACCOUNT.phoneNumberId(), CLOCK));

        assertThat(withoutAccount.config().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(withoutAccount.event().fields()).contains("waba_id", "onboarding_status");
        assertThat(withoutNumber.config().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(withoutNumber.event()).isInstanceOf(DomainEvent.PhoneNumberRemoved.class);
        assertThat(withoutNumber.event().fields()).contains("onboarding_status");
    }

    @Test
    void a_run_goes_on_through_changes_that_leave_it_what_it_needs() {
        TenantConfig started = Signups.first(ACME, ALICE, ACCOUNT, GRANT, CLOCK).config();

        Changed newToken = changed(started.changeSettings(
                update().accessToken("EAAG-pasted-by-hand").build(), CLOCK));
        Changed otherNumber = changed(started.addPhoneNumber(
                PhoneNumber.added(MetaId.parse("333"), null, null, null), TestLimits.MOST, CLOCK));

        assertThat(newToken.config().onboarding()).isEqualTo(started.onboarding());
        assertThat(newToken.event().fields()).doesNotContain("onboarding_status");
        assertThat(otherNumber.config().onboarding()).isEqualTo(started.onboarding());
    }

    @Test
    void clearing_the_token_of_a_completed_onboarding_leaves_it_completed() {
        Changed cleared = changed(
                onboardedOnce().changeSettings(update().accessToken(null).build(), CLOCK));

        assertThat(cleared.config().onboarding()).isEqualTo(onboardedOnce().onboarding());
        assertThat(cleared.event().fields()).containsExactly("access_token");
    }

    @Test
    void signing_up_again_after_a_run_ended_starts_a_new_one_that_remembers_the_last_completion() {
        TenantConfig signedUpAgain = changed(onboardedOnce().reauthorize(ALICE, ACCOUNT, GRANT, TestLimits.MOST, CLOCK))
                .config();
        TenantConfig ended = changed(
                        signedUpAgain.changeSettings(update().accessToken(null).build(), CLOCK))
                .config();

        TenantConfig again = changed(ended.reauthorize(ALICE, ACCOUNT, GRANT, TestLimits.MOST, CLOCK))
                .config();

        assertThat(ended.onboarding()).isInstanceOf(Onboarding.ReauthorizationRequired.class);
        assertThat(again.onboarding())
                .isEqualTo(new Onboarding.InProgress(
                        Onboarding.Step.TOKEN_EXCHANGED, ALICE, ACCOUNT.wabaId(), ACCOUNT.phoneNumberId(), NOW));
    }

    @Test
    void a_refreshed_token_replaces_the_old_one_with_its_expiry_and_counts_as_checked_now() {
        Instant expiry = NOW.plusSeconds(5_184_000);

        Changed refreshed = onboardedOnce()
                .tokenRefreshed(ACCOUNT.wabaId(), new AccessGrant(Secret.of("EAAG-token-extended"), expiry), CLOCK);

        assertThat(refreshed.config().token().accessToken().reveal()).isEqualTo("EAAG-token-extended");
        assertThat(refreshed.config().token().expiresAt()).isEqualTo(expiry);
        assertThat(refreshed.config().token().lastVerifiedAt()).isEqualTo(NOW);
        assertThat(refreshed.config().onboarding()).isEqualTo(onboardedOnce().onboarding());
        assertThat(refreshed.event()).isInstanceOf(DomainEvent.TokenRefreshed.class);
        assertThat(refreshed.event().fields())
                .containsExactlyInAnyOrder("access_token", "token_expires_at", "last_verified_at");
    }
}
