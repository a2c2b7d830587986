package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.fixtures.InMemoryTenantConfigRepository;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding.Call;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.Actor;
import io.tenantconfig.application.usecase.OnboardWhatsAppClientUseCase;
import io.tenantconfig.application.usecase.OnboardingPolicy;
import io.tenantconfig.application.usecase.OnboardingResult;
import io.tenantconfig.application.usecase.OnboardingStep;
import io.tenantconfig.application.usecase.ResumeOnboardingUseCase;
import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.WebUrl;
import io.tenantconfig.domain.port.MetaFailure;
import io.tenantconfig.domain.port.MetaFailure.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnboardingServiceTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SignupAccount ACCOUNT = new SignupAccount(
            MetaId.parse(ConfigField.WABA_ID, "555000111"), MetaId.parse(ConfigField.PHONE_NUMBER_ID, "777000222"),
            null, WebUrl.parse(ConfigField.REDIRECT_URL, "https://app.example.com/signup"));

    private final InMemoryTenantConfigRepository repository = new InMemoryTenantConfigRepository();
    private final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding();

    private OnboardingService service(OnboardingPolicy policy) {
        return new OnboardingService(repository, meta, policy, new SplittableRandom(42), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private OnboardingResult onboard(OnboardingService service) {
        return service.onboard(new OnboardWhatsAppClientUseCase.Command(ACME, new Actor("alice"),
                new SignupCode("signup-code"), ACCOUNT));
    }

    private OnboardingResult resume(OnboardingService service) {
        return service.resume(new ResumeOnboardingUseCase.Command(ACME, new Actor("alice")));
    }

    private TenantConfig stored() {
        return repository.findByTenant(ACME).orElseThrow();
    }

    @Test
    void a_new_tenant_goes_through_every_step_and_ends_onboarded() {
        OnboardingResult result = onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        TenantConfig config = stored();
        assertThat(config.onboardingStatus()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(config.isOnboardingCompleted()).isTrue();
        assertThat(config.onboardedAt()).isEqualTo(NOW);
        assertThat(config.lastVerifiedAt()).isEqualTo(NOW);
        assertThat(config.userId()).isEqualTo("alice");
        assertThat(config.accessToken().reveal()).isEqualTo("EAAG-issued-token-0001");
        assertThat(config.redirectUrl()).isEqualTo(ACCOUNT.redirectUrl());
        assertThat(config.registrationPin().reveal()).matches("[0-9]{6}");
        assertThat(meta.calls()).containsExactly("exchange", "inspect", "subscribe 555000111",
                "register 777000222 pin=" + config.registrationPin().reveal());
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

        assertThat(result).isEqualTo(new OnboardingResult.StepFailed(OnboardingStep.EXCHANGE_CODE,
                MetaFailure.of(Kind.SIGNUP_CODE_REJECTED, "code expired"), false));
        assertThat(repository.findByTenant(ACME)).isEmpty();
    }

    @Test
    void a_failure_at_subscribe_keeps_the_token_and_resume_finishes_the_job() {
        meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"));
        OnboardingService service = service(OnboardingPolicy.DEFAULT);

        OnboardingResult failed = onboard(service);

        assertThat(failed).isInstanceOf(OnboardingResult.StepFailed.class);
        assertThat(((OnboardingResult.StepFailed) failed).step()).isEqualTo(OnboardingStep.SUBSCRIBE_WABA);
        assertThat(stored().onboardingStatus()).isEqualTo(OnboardingStatus.TOKEN_EXCHANGED);
        assertThat(stored().accessToken().reveal()).isEqualTo("EAAG-issued-token-0001");

        meta.succeedsAgain();
        assertThat(resume(service)).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(stored().onboardingStatus()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(meta.calls()).filteredOn(c -> c.startsWith("exchange")).hasSize(1);
    }

    @Test
    void a_failure_at_register_resumes_with_the_same_pin() {
        meta.failsAt(Call.REGISTER, MetaFailure.of(Kind.TIMEOUT, "no answer"));
        OnboardingService service = service(OnboardingPolicy.DEFAULT);

        onboard(service);
        String pin = stored().registrationPin().reveal();
        assertThat(stored().onboardingStatus()).isEqualTo(OnboardingStatus.WEBHOOK_SUBSCRIBED);

        meta.succeedsAgain();
        resume(service);

        assertThat(stored().onboardingStatus()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(meta.calls()).filteredOn(c -> c.startsWith("register")).containsOnly("register 777000222 pin=" + pin);
        assertThat(meta.calls()).filteredOn(c -> c.startsWith("subscribe")).hasSize(1);
    }

    @Test
    void an_invalid_token_on_a_later_step_marks_the_config_for_reauthorization() {
        meta.failsAt(Call.REGISTER, MetaFailure.of(Kind.TOKEN_INVALID, "Error validating access token"));
        OnboardingService service = service(OnboardingPolicy.DEFAULT);

        onboard(service);

        assertThat(stored().onboardingStatus()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(resume(service)).isEqualTo(new OnboardingResult.NothingToResume(OnboardingStatus.REAUTHORIZATION_REQUIRED));
    }

    @Test
    void a_token_meta_reports_invalid_needs_reauthorization() {
        meta.reportsTokenInvalid();

        OnboardingResult result = onboard(service(OnboardingPolicy.DEFAULT));

        assertThat(((OnboardingResult.StepFailed) result).failure().kind()).isEqualTo(Kind.TOKEN_INVALID);
        assertThat(stored().onboardingStatus()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
    }

    @Test
    void steps_switched_off_are_skipped() {
        OnboardingResult result = onboard(service(new OnboardingPolicy(false, false, false)));

        assertThat(result).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(meta.calls()).containsExactly("exchange", "inspect");
        assertThat(stored().registrationPin()).isNull();
    }

    @Test
    void reauthorizing_an_onboarded_tenant_replaces_the_token_and_keeps_the_rest() {
        repository.insert(TestConfigs.aConfig("acme").onboardingCompleted(true).onboardedAt(NOW.minusSeconds(86_400))
                .onboardingStatus(OnboardingStatus.COMPLETED).build());
        TenantConfig before = stored();
        meta.issues("EAAG-renewed-token-0002", NOW.plusSeconds(3600));

        onboard(service(OnboardingPolicy.DEFAULT));

        TenantConfig after = stored();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.accessToken().reveal()).isEqualTo("EAAG-renewed-token-0002");
        assertThat(after.tokenExpiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(after.wabaId()).isEqualTo(ACCOUNT.wabaId());
        assertThat(after.callbackUrl()).isEqualTo(before.callbackUrl());
        assertThat(after.verifyToken()).isEqualTo(before.verifyToken());
        assertThat(after.fbAppSecret()).isEqualTo(before.fbAppSecret());
        assertThat(after.onboardingStatus()).isEqualTo(OnboardingStatus.COMPLETED);
    }

    @Test
    void resume_without_a_config_finds_nothing_and_a_hand_made_config_has_nothing_to_resume() {
        OnboardingService service = service(OnboardingPolicy.DEFAULT);
        assertThat(resume(service)).isInstanceOf(OnboardingResult.NotFound.class);

        repository.insert(TestConfigs.aConfig("acme").build());
        assertThat(resume(service)).isEqualTo(new OnboardingResult.NothingToResume(OnboardingStatus.NOT_STARTED));
        assertThat(meta.calls()).isEmpty();
    }

    @Test
    void resume_after_completion_changes_nothing() {
        OnboardingService service = service(OnboardingPolicy.DEFAULT);
        onboard(service);
        int calls = meta.calls().size();

        assertThat(resume(service)).isInstanceOf(OnboardingResult.AlreadyCompleted.class);
        assertThat(meta.calls()).hasSize(calls);
    }
}
