package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding.Call;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.ReportSignupEventUseCase;
import io.tenantconfig.application.port.in.ReportSignupEventUseCase.PageEvent;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.SignupFinish;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignupSessionsTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String CODE = "signup-code-never-kept-4711";
    private static final SignupAccount ACCOUNT =
            new SignupAccount(MetaId.parse("555000111"), MetaId.parse("777000222"), null, null);

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding();
    private final MovableClock clock = new MovableClock(NOW);
    private final TestFeatures service = TestFeatures.over(
            store, meta, variable -> Optional.empty(), OnboardingPolicy.DEFAULT, new ResolutionCounter(), clock);

    private void onboard(SignupAccount account, String sessionId) {
        service.onboarding()
                .onboard()
                .onboard(
                        new OnboardUseCase.Command(ACME, new Actor("alice"), new SignupCode(CODE), account, sessionId));
    }

    private SignupSession only() {
        assertThat(service.signupSessions().all()).hasSize(1);
        return service.signupSessions().all().get(0);
    }

    @Test
    void a_finished_onboarding_is_one_finished_session_with_the_account_and_number_it_produced() {
        onboard(ACCOUNT, "74120398765");

        SignupSession session = only();
        assertThat(session.tenantId()).isEqualTo(ACME);
        assertThat(session.sessionId()).isEqualTo("74120398765");
        assertThat(session.outcome()).isEqualTo(new SignupOutcome.Finished());
        assertThat(session.event()).isEqualTo("FINISH");
        assertThat(session.wabaIds()).containsExactly("555000111");
        assertThat(session.phoneNumberIds()).containsExactly("777000222");
        assertThat(session.startedAt()).isEqualTo(NOW);
    }

    @Test
    void a_signup_without_a_number_produces_its_accounts_and_no_number() {
        onboard(
                new SignupAccount(
                        SignupFinish.FINISH_ONLY_WABA,
                        MetaId.parse("555000111"),
                        null,
                        null,
                        null,
                        List.of(MetaId.parse("555000333"))),
                null);

        SignupSession session = only();
        assertThat(session.event()).isEqualTo("FINISH_ONLY_WABA");
        assertThat(session.wabaIds()).containsExactly("555000111", "555000333");
        assertThat(session.requestedWabaIds()).containsExactly("555000111", "555000333");
        assertThat(session.phoneNumberIds()).isEmpty();
        assertThat(session.sessionId()).isNull();
    }

    @Test
    void a_failed_exchange_is_a_failed_session_with_metas_code_message_and_trace_and_nothing_produced() {
        meta.failsAt(
                Call.EXCHANGE,
                new MetaFailure(
                        MetaFailure.Kind.SIGNUP_CODE_REJECTED,
                        "This authorization code has expired.",
                        100,
                        36007,
                        "AbCdEf123",
                        null));

        onboard(ACCOUNT, null);

        SignupSession session = only();
        assertThat(session.outcome())
                .isEqualTo(new SignupOutcome.Failed(
                        "exchange_code", "100", "This authorization code has expired.", "AbCdEf123"));
        assertThat(session.wabaIds()).isEmpty();
        assertThat(session.phoneNumberIds()).isEmpty();
        assertThat(session.requestedWabaIds())
                .as("the account the request named, so Meta's word that the signup finished finds this session")
                .containsExactly("555000111");
    }

    @Test
    void a_step_failing_after_the_token_was_stored_keeps_the_account_and_number_as_produced() {
        meta.failsAt(Call.REGISTER, MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta answered HTTP 500"));

        onboard(ACCOUNT, null);

        SignupSession session = only();
        assertThat(session.outcome())
                .isEqualTo(new SignupOutcome.Failed("register_phone", null, "Meta answered HTTP 500", null));
        assertThat(session.wabaIds()).containsExactly("555000111");
    }

    @Test
    void a_signup_the_rules_refuse_fails_at_storing_it_and_produces_nothing() {
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("globex").build()));

        onboard(
                new SignupAccount(
                        MetaId.parse("555000111"), MetaId.parse(TestConfigs.phoneNumberIdOf("globex")), null, null),
                null);

        SignupSession session = only();
        assertThat(session.outcome().kind()).isEqualTo(SignupOutcome.Kind.FAILED);
        assertThat(((SignupOutcome.Failed) session.outcome()).step()).isEqualTo("store_signup");
        assertThat(session.wabaIds()).isEmpty();
    }

    @Test
    void a_cancel_the_page_reports_is_a_cancelled_session_at_its_step_and_meta_is_not_called() {
        service.onboarding()
                .reportSignupEvent()
                .report(new ReportSignupEventUseCase.Command(
                        ACME, null, new PageEvent.Cancelled("PHONE_NUMBER_VERIFICATION")));

        SignupSession session = only();
        assertThat(session.outcome()).isEqualTo(new SignupOutcome.Cancelled("PHONE_NUMBER_VERIFICATION"));
        assertThat(session.event()).isEqualTo("CANCEL");
        assertThat(session.startedAt()).isEqualTo(NOW).isEqualTo(session.endedAt());
        assertThat(meta.calls()).isEmpty();
    }

    @Test
    void an_error_the_user_reported_in_metas_flow_is_a_failed_session_with_metas_words() {
        service.onboarding()
                .reportSignupEvent()
                .report(new ReportSignupEventUseCase.Command(
                        ACME, "524126980791429", new PageEvent.ErrorReported("Phone number already in use", "524126")));

        assertThat(only().outcome())
                .isEqualTo(new SignupOutcome.Failed("embedded_signup", "524126", "Phone number already in use", null));
        assertThat(only().sessionId()).isEqualTo("524126980791429");
    }

    @Test
    void no_session_holds_the_code_the_token_or_the_pin() {
        onboard(ACCOUNT, null);
        meta.failsAt(Call.INSPECT, MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta answered HTTP 502"));
        onboard(ACCOUNT, null);

        String token = store.load(ACME).orElseThrow().token().accessToken().reveal();
        String pin = store.load(ACME)
                .orElseThrow()
                .defaultNumber()
                .orElseThrow()
                .registrationPin()
                .reveal();
        assertThat(service.signupSessions().all())
                .hasSize(2)
                .allSatisfy(session -> assertThat(session.toString())
                        .doesNotContain(CODE)
                        .doesNotContain(token)
                        .doesNotContain(pin));
    }

    @Test
    void the_tenant_reads_its_own_sessions_newest_first_and_admins_page_through_all_by_outcome() {
        onboard(ACCOUNT, null);
        service.onboarding()
                .reportSignupEvent()
                .report(new ReportSignupEventUseCase.Command(
                        TenantId.of("globex"), null, new PageEvent.Cancelled("WABA_CREATION")));
        clock.advance(Duration.ofMinutes(1));
        service.onboarding()
                .reportSignupEvent()
                .report(new ReportSignupEventUseCase.Command(ACME, null, new PageEvent.Cancelled("BUSINESS")));

        assertThat(service.onboarding().signupSessions().sessionsOf(ACME, 10))
                .extracting(s -> s.session().outcome().kind())
                .containsExactly(SignupOutcome.Kind.CANCELLED, SignupOutcome.Kind.FINISHED);

        SignupSessions.Filter cancelled = new SignupSessions.Filter(
                Optional.of(SignupOutcome.Kind.CANCELLED), Optional.empty(), Optional.empty());
        SignupSessions.Page first = service.onboarding().signupSessionsAdmin().list(cancelled, Optional.empty(), 1);
        assertThat(first.sessions()).extracting(s -> s.session().tenantId()).containsExactly(ACME);
        SignupSessions.Page second = service.onboarding().signupSessionsAdmin().list(cancelled, first.next(), 1);
        assertThat(second.sessions()).extracting(s -> s.session().tenantId()).containsExactly(TenantId.of("globex"));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void the_statistics_count_the_signups_of_the_last_30_days_by_outcome() {
        service.onboarding()
                .reportSignupEvent()
                .report(new ReportSignupEventUseCase.Command(ACME, null, new PageEvent.Cancelled("BUSINESS")));
        clock.advance(Duration.ofDays(31));
        onboard(ACCOUNT, null);
        service.onboarding()
                .reportSignupEvent()
                .report(new ReportSignupEventUseCase.Command(ACME, null, new PageEvent.Cancelled("BUSINESS")));

        assertThat(service.admin().configStatistics().statistics().signups())
                .isEqualTo(new SignupSessions.Counts(1, 1, 0));
    }
}
