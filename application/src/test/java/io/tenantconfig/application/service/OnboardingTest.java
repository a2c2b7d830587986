package io.tenantconfig.application.service;

import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding.Call;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.ChangeSettingsUseCase;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.NumberStepResult;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.OnboardingStep;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.RequestVerificationCodeUseCase;
import io.tenantconfig.application.port.in.ResumeOnboardingUseCase;
import io.tenantconfig.application.port.in.VerifyPhoneNumberUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import io.tenantconfig.application.port.out.MetaPhoneNumbers;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Onboarding;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.SignupFinish;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UserId;
import io.tenantconfig.domain.VerificationCode;
import io.tenantconfig.domain.WebUrl;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.testing.SecretValues;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnboardingTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SignupAccount ACCOUNT = new SignupAccount(
            MetaId.parse("555000111"), MetaId.parse("777000222"), null, WebUrl.parse("https://app.example.com/signup"));

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding();

    private TestFeatures service(OnboardingPolicy policy) {
        return TestFeatures.over(
                store,
                meta,
                variable -> Optional.empty(),
                policy,
                new ResolutionCounter(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private OnboardingResult onboard(TestFeatures service) {
        return service.onboarding()
                .onboard()
                .onboard(new OnboardUseCase.Command(
                        ACME, new Actor("alice"), new SignupCode(SecretValues.secret("signup-code")), ACCOUNT));
    }

    private OnboardingResult resume(TestFeatures service) {
        return service.onboarding()
                .resumeOnboarding()
                .resume(new ResumeOnboardingUseCase.Command(ACME, new Actor("alice")));
    }

    private void stored(TenantConfig config) {
        store.inTransaction(tx -> tx.insertIfAbsent(config));
    }

    private TenantConfig stored() {
        return store.load(ACME).orElseThrow();
    }

    @Test
    void a_new_tenant_goes_through_every_step_and_ends_onboarded() {
        OnboardingResult result = onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        TenantConfig config = stored();
        assertThat(config.onboarding().status()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(config.onboarding().isCompleted()).isTrue();
        assertThat(config.onboarding().onboardedAt()).isEqualTo(NOW);
        assertThat(config.token().lastVerifiedAt()).isEqualTo(NOW);
        assertThat(config.onboarding().user().value()).isEqualTo("alice");
        assertThat(config.token().accessToken().reveal()).isEqualTo("EAAG-issued-token-0001");
        assertThat(config.callbacks().redirectUrl()).isEqualTo(ACCOUNT.redirectUrl());
        assertThat(config.defaultNumber().orElseThrow().registrationPin().reveal())
                .matches("[0-9]{6}");
        assertThat(meta.calls())
                .containsExactly(
                        "exchange",
                        "inspect",
                        "subscribe 555000111",
                        "register 777000222 pin="
                                + config.defaultNumber()
                                        .orElseThrow()
                                        .registrationPin()
                                        .reveal());
    }

    @Test
    void the_token_type_and_scopes_meta_reports_when_onboarding_verifies_the_token_are_stored() {
        meta.inspectsAs("USER", Set.of("whatsapp_business_management", "whatsapp_business_messaging"));

        onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(stored().primaryAccount().tokenType()).isEqualTo("USER");
        assertThat(stored().primaryAccount().scopes())
                .containsExactlyInAnyOrder("whatsapp_business_management", "whatsapp_business_messaging");
    }

    @Test
    void a_business_token_is_stored_as_meta_calls_it() {
        onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(stored().primaryAccount().tokenType()).isEqualTo("SYSTEM_USER");
    }

    @Test
    void a_token_whose_type_meta_does_not_say_is_stored_without_one() {
        meta.inspectsAs(null, Set.of());

        onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(stored().primaryAccount().tokenType()).isNull();
        assertThat(stored().primaryAccount().scopes()).isEmpty();
    }

    @Test
    void a_signup_sharing_two_more_accounts_stores_and_subscribes_all_three_with_the_one_token() {
        SignupAccount sharing = new SignupAccount(
                ACCOUNT.wabaId(),
                ACCOUNT.phoneNumberId(),
                null,
                ACCOUNT.redirectUrl(),
                List.of(MetaId.parse("555000222"), MetaId.parse("555000333")));

        OnboardingResult result = service(OnboardingPolicy.DEFAULT)
                .onboarding()
                .onboard()
                .onboard(new OnboardUseCase.Command(
                        ACME, new Actor("alice"), new SignupCode(SecretValues.secret("signup-code")), sharing));

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(stored().accounts().all())
                .extracting(
                        account -> account.wabaId().value(),
                        account -> account.token().accessToken().reveal())
                .containsExactly(
                        tuple("555000111", "EAAG-issued-token-0001"),
                        tuple("555000222", "EAAG-issued-token-0001"),
                        tuple("555000333", "EAAG-issued-token-0001"));
        assertThat(meta.calls())
                .filteredOn(call -> call.startsWith("subscribe"))
                .containsExactly("subscribe 555000111", "subscribe 555000222", "subscribe 555000333");
        assertThat(meta.calls()).filteredOn(call -> call.startsWith("register")).hasSize(1);
        assertThat(stored().accounts().all())
                .as("each account the signup shared records its subscription")
                .extracting(Account::subscribedAt)
                .containsExactly(NOW, NOW, NOW);
    }

    @Test
    void a_refused_subscription_records_no_account_as_subscribed_and_resuming_does() {
        meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Meta answered HTTP 503"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);

        assertThat(onboard(service)).isInstanceOf(OnboardingResult.StepFailed.class);
        assertThat(stored().primaryAccount().subscribedAt()).isNull();

        meta.succeedsAgain();
        assertThat(resume(service)).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(stored().primaryAccount().subscribedAt()).isEqualTo(NOW);
    }

    @Test
    void a_policy_that_does_not_subscribe_records_no_subscription() {
        onboard(service(new OnboardingPolicy(false, true, false)));

        assertThat(meta.calls()).noneMatch(call -> call.startsWith("subscribe"));
        assertThat(stored().primaryAccount().subscribedAt()).isNull();
    }

    private OnboardingResult onboard(TestFeatures service, SignupFinish finish, MetaId number) {
        SignupAccount signup = new SignupAccount(finish, ACCOUNT.wabaId(), number, null, null, List.of());
        return service.onboarding()
                .onboard()
                .onboard(new OnboardUseCase.Command(
                        ACME, new Actor("alice"), new SignupCode(SecretValues.secret("signup-code")), signup));
    }

    @Test
    void a_signup_without_a_number_stores_and_subscribes_the_account_registers_nothing_and_completes() {
        OnboardingResult result = onboard(service(OnboardingPolicy.DEFAULT), SignupFinish.FINISH_ONLY_WABA, null);

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        TenantConfig config = stored();
        assertThat(config.onboarding())
                .isEqualTo(new Onboarding.Completed(UserId.of("alice"), ACCOUNT.wabaId(), null, NOW));
        assertThat(config.phoneNumbers().size()).isZero();
        assertThat(config.primaryAccount().subscribedAt()).isEqualTo(NOW);
        assertThat(meta.calls()).containsExactly("exchange", "inspect", "subscribe 555000111");
        assertThat(store.auditTrail())
                .extracting(record -> record.entry().action())
                .doesNotContain(AuditAction.ONBOARDING_PHONE_REGISTERED);
    }

    @Test
    void a_number_meta_has_not_verified_is_kept_out_of_use_registered_only_once_its_code_is_entered() {
        MetaId number = MetaId.parse("106540352242929");
        meta.hasNotVerified(number.value());
        TestFeatures service = service(OnboardingPolicy.DEFAULT);

        OnboardingResult result = onboard(service, SignupFinish.FINISH, number);

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        PhoneNumber kept = stored().phoneNumbers().find(number).orElseThrow();
        assertThat(kept.verification().verified()).isFalse();
        assertThat(kept.active()).isFalse();
        assertThat(stored().needsPhoneNumber()).isTrue();
        assertThat(meta.calls()).noneMatch(call -> call.startsWith("register"));

        service.numberVerification()
                .requestCode()
                .requestCode(new RequestVerificationCodeUseCase.Command(
                        ACME, new Actor("alice"), number, MetaPhoneNumbers.CodeMethod.SMS, "en_US"));
        assertThat(service.numberVerification()
                        .verifyPhoneNumber()
                        .verify(new VerifyPhoneNumberUseCase.Command(
                                ACME, new Actor("alice"), number, VerificationCode.parse("123456"))))
                .isInstanceOf(NumberStepResult.Done.class);

        PhoneNumber registered = stored().phoneNumbers().find(number).orElseThrow();
        assertThat(registered.active()).isTrue();
        assertThat(registered.registeredAt()).isEqualTo(NOW);
        assertThat(meta.calls())
                .containsSubsequence(
                        "verify_code " + number + " code=123456",
                        "register " + number + " pin="
                                + registered.registrationPin().reveal());
    }

    @Test
    void a_signup_without_a_number_that_failed_at_the_subscription_resumes_on_its_account() {
        meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);

        assertThat(onboard(service, SignupFinish.FINISH_ONLY_WABA, null))
                .isInstanceOf(OnboardingResult.StepFailed.class);
        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);

        meta.succeedsAgain();
        assertThat(resume(service)).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(meta.calls()).noneMatch(call -> call.startsWith("register"));
    }

    @Test
    void a_whatsapp_business_app_number_is_never_registered_and_is_marked_as_such() {
        OnboardingResult result = onboard(
                service(OnboardingPolicy.DEFAULT),
                SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING,
                ACCOUNT.phoneNumberId());

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(meta.calls()).containsExactly("exchange", "inspect", "subscribe 555000111");
        PhoneNumber number = stored().defaultNumber().orElseThrow();
        assertThat(number.id()).isEqualTo(ACCOUNT.phoneNumberId());
        assertThat(number.coexistence()).isTrue();
        assertThat(number.registrationPin())
                .as("no PIN is chosen for a number that is never registered")
                .isNull();
    }

    @Test
    void the_redirect_uri_goes_to_meta_only_when_configured() {
        onboard(service(new OnboardingPolicy(true, true, true)));

        assertThat(meta.calls().get(0)).isEqualTo("exchange redirect_uri=https://app.example.com/signup");
    }

    @Test
    void a_rejected_code_stores_nothing() {
        meta.failsAt(Call.EXCHANGE, MetaFailure.of(Kind.SIGNUP_CODE_REJECTED, "code expired"));

        OnboardingResult result = onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(result)
                .isEqualTo(new OnboardingResult.StepFailed(
                        OnboardingStep.EXCHANGE_CODE,
                        MetaFailure.of(Kind.SIGNUP_CODE_REJECTED, "code expired"),
                        false));
        assertThat(store.load(ACME)).isEmpty();
        assertThat(store.auditTrail()).isEmpty();
    }

    @Test
    void a_failure_at_subscribe_keeps_the_token_and_resume_finishes_the_job() {
        meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);

        OnboardingResult failed = onboard(service);

        assertThat(failed).isInstanceOf(OnboardingResult.StepFailed.class);
        assertThat(((OnboardingResult.StepFailed) failed).step()).isEqualTo(OnboardingStep.SUBSCRIBE_WABA);
        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
        assertThat(stored().token().accessToken().reveal()).isEqualTo("EAAG-issued-token-0001");

        meta.succeedsAgain();
        assertThat(resume(service)).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(meta.calls()).filteredOn(c -> c.startsWith("exchange")).hasSize(1);
    }

    @Test
    void a_failure_at_register_resumes_with_the_same_pin() {
        meta.failsAt(Call.REGISTER, MetaFailure.of(Kind.TIMEOUT, "no answer"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);

        onboard(service);
        String pin = stored().defaultNumber().orElseThrow().registrationPin().reveal();
        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.WEBHOOK_SUBSCRIBED);

        meta.succeedsAgain();
        resume(service);

        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(meta.calls())
                .filteredOn(c -> c.startsWith("register"))
                .containsOnly("register 777000222 pin=" + pin);
        assertThat(meta.calls()).filteredOn(c -> c.startsWith("subscribe")).hasSize(1);
    }

    @Test
    void an_invalid_token_on_a_later_step_marks_the_config_for_reauthorization() {
        meta.failsAt(Call.REGISTER, MetaFailure.of(Kind.TOKEN_INVALID, "Error validating access token"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);

        onboard(service);

        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(resume(service))
                .isEqualTo(new OnboardingResult.NothingToResume(OnboardingStatus.REAUTHORIZATION_REQUIRED));
    }

    @Test
    void a_token_meta_reports_invalid_needs_reauthorization() {
        meta.reportsTokenInvalid();

        OnboardingResult result = onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(((OnboardingResult.StepFailed) result).failure().kind()).isEqualTo(Kind.TOKEN_INVALID);
        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
    }

    @Test
    void steps_switched_off_are_skipped() {
        OnboardingResult result = onboard(service(new OnboardingPolicy(false, false, false)));

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(meta.calls()).containsExactly("exchange", "inspect");
        assertThat(stored().defaultNumber().orElseThrow().registrationPin()).isNull();
    }

    @Test
    void reauthorizing_an_onboarded_tenant_replaces_the_token_and_keeps_the_rest() {
        stored(TestConfigs.aConfig("acme")
                .account(new WhatsAppAccount(ACCOUNT.wabaId(), null))
                .onboardedAt(NOW.minusSeconds(86_400))
                .build());
        TenantConfig before = stored();
        meta.issues("EAAG-renewed-token-0002", NOW.plusSeconds(3600));

        onboard(service(OnboardingPolicy.DEFAULT));

        TenantConfig after = stored();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.token().accessToken().reveal()).isEqualTo("EAAG-renewed-token-0002");
        assertThat(after.token().expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(after.account().wabaId()).isEqualTo(ACCOUNT.wabaId());
        assertThat(after.callbacks().callbackUrl()).isEqualTo(before.callbacks().callbackUrl());
        assertThat(after.callbacks().verifyToken()).isEqualTo(before.callbacks().verifyToken());
        assertThat(after.app().appSecret()).isEqualTo(before.app().appSecret());
        assertThat(after.onboarding().status()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(store.auditTrail().get(0).entry().action()).isEqualTo(AuditAction.ONBOARDING_TOKEN_EXCHANGED);
        assertThat(store.auditTrail().get(0).entry().fields()).contains("access_token", "onboarding_status");
    }

    @Test
    void a_config_created_by_another_request_during_signup_is_reauthorized_not_duplicated() {
        TenantConfig handMade = TestConfigs.aConfig("acme")
                .account(new WhatsAppAccount(ACCOUNT.wabaId(), null))
                .build();
        store.beforeNextInsert(() -> stored(handMade));

        OnboardingResult result = onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(stored().token().accessToken().reveal()).isEqualTo("EAAG-issued-token-0001");
        assertThat(stored().callbacks().verifyToken())
                .isEqualTo(handMade.callbacks().verifyToken());
        assertThat(store.auditTrail())
                .extracting(r -> r.entry().action())
                .startsWith(AuditAction.ONBOARDING_TOKEN_EXCHANGED);
        assertThat(stored().version()).isEqualTo(1 + store.auditTrail().size());
    }

    @Test
    void a_configuration_deleted_while_a_resumed_run_waits_for_meta_stops_the_run() {
        meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        onboard(service);
        meta.succeedsAgain()
                .meanwhile(
                        Call.SUBSCRIBE,
                        () -> store.inTransaction(tx -> {
                            tx.delete(tx.lock(ACME).orElseThrow());
                            return null;
                        }));

        assertThat(resume(service)).isEqualTo(new OnboardingResult.Interrupted());
        assertThat(store.load(ACME)).isEmpty();
    }

    @Test
    void resume_without_a_config_finds_nothing_and_a_hand_made_config_has_nothing_to_resume() {
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        assertThat(resume(service)).isInstanceOf(OnboardingResult.NotFound.class);

        stored(TestConfigs.aConfig("acme").build());
        assertThat(resume(service)).isEqualTo(new OnboardingResult.NothingToResume(OnboardingStatus.NOT_STARTED));
        assertThat(meta.calls()).isEmpty();
    }

    @Test
    void resume_after_completion_changes_nothing() {
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        onboard(service);
        int calls = meta.calls().size();

        assertThat(resume(service)).isInstanceOf(OnboardingResult.AlreadyCompleted.class);
        assertThat(meta.calls()).hasSize(calls);
    }

    @Test
    void each_step_is_recorded_as_it_happens_one_version_each() {
        onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(store.auditTrail())
                .extracting(r -> r.entry().action())
                .containsExactly(
                        AuditAction.ONBOARDING_TOKEN_EXCHANGED,
                        AuditAction.TOKEN_VERIFIED,
                        AuditAction.ONBOARDING_WEBHOOK_SUBSCRIBED,
                        AuditAction.UPDATE,
                        AuditAction.ONBOARDING_PHONE_REGISTERED,
                        AuditAction.ONBOARDING_COMPLETED);
        assertThat(store.auditTrail())
                .allSatisfy(r -> assertThat(r.entry().actor().subject()).isEqualTo("alice"));
        assertThat(stored().version()).isEqualTo(store.auditTrail().size());
        assertThat(store.auditTrail().get(3).entry().fields())
                .containsExactlyInAnyOrder("registration_pin", "phone_numbers.777000222.registration_pin");
    }

    @Test
    void a_token_replaced_by_another_request_while_meta_works_stops_the_run_without_marking_the_new_token() {
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        meta.meanwhile(
                Call.INSPECT,
                () -> store.inTransaction(
                        tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                                .accessToken("EAAG-pasted-by-hand")
                                .build())));

        OnboardingResult result = onboard(service);

        assertThat(result).isEqualTo(new OnboardingResult.Interrupted());
        assertThat(stored().token().accessToken().reveal()).isEqualTo("EAAG-pasted-by-hand");
        assertThat(stored().token().lastVerifiedAt())
                .as("Meta checked the old token, not this one")
                .isNull();
        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
    }

    @Test
    void a_configuration_deleted_while_meta_works_stops_the_run() {
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        meta.meanwhile(
                Call.SUBSCRIBE,
                () -> store.inTransaction(tx -> {
                    tx.delete(tx.lock(ACME).orElseThrow());
                    return null;
                }));

        assertThat(onboard(service)).isEqualTo(new OnboardingResult.Interrupted());
        assertThat(store.load(ACME)).isEmpty();
    }

    @Test
    void clearing_the_token_of_a_run_stopped_part_way_ends_it_and_resume_asks_for_a_new_signup() {
        meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        onboard(service);
        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
        meta.succeedsAgain();
        int calls = meta.calls().size();

        WriteResult cleared = service.configuration()
                .changeSettings()
                .changeSettings(new ChangeSettingsUseCase.Command(
                        ACME, new Actor("alice"), update().accessToken(null).build(), ExpectedVersion.any()));

        assertThat(cleared).isInstanceOf(WriteResult.Done.class);
        assertThat(stored().onboarding())
                .isEqualTo(new Onboarding.ReauthorizationRequired(
                        UserId.of("alice"), ACCOUNT.wabaId(), ACCOUNT.phoneNumberId(), null));
        AuditEntry change =
                store.auditTrail().get(store.auditTrail().size() - 1).entry();
        assertThat(change.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(change.fields())
                .as("the cleared token's type and scopes, stored when onboarding verified it, go with it")
                .containsExactlyInAnyOrder(
                        "access_token", "last_verified_at", "token_type", "token_scopes", "onboarding_status");
        assertThat(resume(service))
                .isEqualTo(new OnboardingResult.NothingToResume(OnboardingStatus.REAUTHORIZATION_REQUIRED));
        assertThat(meta.calls()).hasSize(calls);
    }

    @Test
    void removing_the_signed_up_number_while_meta_works_stops_the_run_and_ends_it() {
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        meta.meanwhile(
                Call.SUBSCRIBE,
                () -> service.phoneNumbers()
                        .removePhoneNumber()
                        .removePhoneNumber(new RemovePhoneNumberUseCase.Command(
                                ACME, new Actor("bob"), ACCOUNT.phoneNumberId(), ExpectedVersion.any())));

        assertThat(onboard(service)).isEqualTo(new OnboardingResult.Interrupted());

        assertThat(stored().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(stored().phoneNumbers().all()).isEmpty();
        assertThat(resume(service))
                .isEqualTo(new OnboardingResult.NothingToResume(OnboardingStatus.REAUTHORIZATION_REQUIRED));
    }

    @Test
    void signing_up_again_after_the_run_ended_completes_a_new_one() {
        meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"));
        TestFeatures service = service(OnboardingPolicy.DEFAULT);
        onboard(service);
        service.configuration()
                .changeSettings()
                .changeSettings(new ChangeSettingsUseCase.Command(
                        ACME, new Actor("alice"), update().accessToken(null).build(), ExpectedVersion.any()));
        meta.succeedsAgain();

        assertThat(onboard(service)).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(stored().onboarding())
                .isEqualTo(
                        new Onboarding.Completed(UserId.of("alice"), ACCOUNT.wabaId(), ACCOUNT.phoneNumberId(), NOW));
    }
}
