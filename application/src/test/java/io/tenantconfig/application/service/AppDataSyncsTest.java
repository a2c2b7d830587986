package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.SyncAppDataUseCase;
import io.tenantconfig.application.port.in.SyncAppDataUseCase.Round;
import io.tenantconfig.application.port.out.MetaAppData;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.AppDataSync.Kind;
import io.tenantconfig.domain.AppDataSync.State;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.SignupFinish;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.SecretValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service asks Meta for a WhatsApp Business app's contacts, then its history, and retries until the window closes. */
class AppDataSyncsTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final MetaId WABA = MetaId.parse("555000111");
    private static final MetaId NUMBER = MetaId.parse("777000222");
    private static final AppDataSyncPolicy POLICY =
            new AppDataSyncPolicy(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(4));

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaOnboarding onboardingMeta = new ScriptedMetaOnboarding();
    private final MovableClock clock = new MovableClock(NOW);
    private final ScriptedAppData meta = new ScriptedAppData();
    private final CoexistenceFeature coexistence = new CoexistenceFeature(store, store, meta, POLICY, clock);
    private final SyncAppDataUseCase sync = coexistence.syncAppData();

    /** Meta's side: answers each request in turn with the next scripted failure, else accepts it. */
    private static final class ScriptedAppData implements MetaAppData {
        final List<String> calls = new ArrayList<>();
        final Deque<MetaFailure> failures = new ArrayDeque<>();

        @Override
        public String requestSync(MetaId phoneNumberId, Kind kind, Secret token) {
            calls.add(kind.syncType() + " " + phoneNumberId + " " + token.reveal());
            MetaFailure failure = failures.poll();
            if (failure != null) {
                throw new MetaCallFailedException(failure, null);
            }
            return "req-" + calls.size();
        }
    }

    private OnboardingResult signUp(SignupFinish finish) {
        TestFeatures features = TestFeatures.over(
                store,
                onboardingMeta,
                variable -> Optional.empty(),
                OnboardingPolicy.DEFAULT,
                new ResolutionCounter(),
                clock);
        return features.onboarding()
                .onboard()
                .onboard(new OnboardUseCase.Command(
                        ACME,
                        new Actor("alice"),
                        new SignupCode(SecretValues.secret("signup-code")),
                        new SignupAccount(finish, WABA, NUMBER, null, null, List.of())));
    }

    private String token() {
        return store.load(ACME)
                .orElseThrow()
                .primaryAccount()
                .token()
                .accessToken()
                .reveal();
    }

    private AppDataSync stored() {
        return coexistence.viewAppDataSyncs().appDataSyncs(ACME).get(NUMBER);
    }

    @Test
    void a_business_app_signup_asks_meta_for_the_contacts_then_the_history_with_the_accounts_token() {
        assertThat(signUp(SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING))
                .isInstanceOf(OnboardingResult.Completed.class);
        assertThat(onboardingMeta.calls()).noneMatch(call -> call.startsWith("register"));
        assertThat(stored().next()).as("due before anything was asked").contains(Kind.CONTACTS);

        clock.advance(Duration.ofSeconds(1));
        assertThat(sync.syncNext()).isEqualTo(new Round(2, 0, true, false));

        assertThat(meta.calls)
                .containsExactly("smb_app_state_sync " + NUMBER + " " + token(), "history " + NUMBER + " " + token());
        AppDataSync done = stored();
        assertThat(done.contacts().state()).isEqualTo(State.REQUESTED);
        assertThat(done.contacts().requestId()).isEqualTo("req-1");
        assertThat(done.history().requestId()).isEqualTo("req-2");
        assertThat(done.settled()).isTrue();
        assertThat(sync.syncNext()).as("nothing is asked twice").isEqualTo(Round.IDLE);
    }

    @Test
    void a_cloud_api_signup_asks_for_no_sync() {
        signUp(SignupFinish.FINISH);

        assertThat(coexistence.viewAppDataSyncs().appDataSyncs(ACME)).isEmpty();
        assertThat(sync.syncNext()).isEqualTo(Round.IDLE);
        assertThat(meta.calls).isEmpty();
    }

    @Test
    void a_refused_request_is_retried_by_the_service_after_a_growing_backoff_and_then_succeeds() {
        signUp(SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING);
        meta.failures.add(new MetaFailure(
                MetaFailure.Kind.META_UNAVAILABLE, "An unexpected error has occurred.", 2, null, "Ab1", null));
        meta.failures.add(MetaFailure.of(MetaFailure.Kind.TIMEOUT, "Meta did not answer in time"));

        assertThat(sync.syncNext()).isEqualTo(new Round(0, 1, true, false));
        assertThat(stored().contacts().lastError()).isEqualTo("An unexpected error has occurred.");
        assertThat(stored().nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(sync.syncNext()).as("not due before its backoff").isEqualTo(Round.IDLE);

        clock.advance(Duration.ofSeconds(30));
        assertThat(sync.syncNext()).isEqualTo(new Round(0, 1, true, false));
        assertThat(stored().contacts().failures()).isEqualTo(2);
        assertThat(stored().nextAttemptAt())
                .as("doubled")
                .isEqualTo(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        assertThat(sync.syncNext()).isEqualTo(new Round(2, 0, true, false));
        assertThat(stored().contacts().state()).isEqualTo(State.REQUESTED);
        assertThat(stored().contacts().lastError()).isNull();
        assertThat(stored().history().state()).isEqualTo(State.REQUESTED);
        assertThat(meta.calls).hasSize(4);
    }

    @Test
    void a_sync_still_refused_when_the_window_closes_ends_expired_with_metas_last_words() {
        signUp(SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING);
        for (int i = 0; i < 1000; i++) {
            meta.failures.add(MetaFailure.of(MetaFailure.Kind.REJECTED, "(#100) Invalid parameter"));
        }
        Instant windowEnds = stored().windowEndsAt();
        while (clock.instant().isBefore(windowEnds)) {
            sync.syncNext();
            assertThat(stored().nextAttemptAt()).isBeforeOrEqualTo(windowEnds);
            clock.advance(Duration.ofMinutes(4));
        }

        assertThat(sync.syncNext()).isEqualTo(new Round(0, 0, true, true));

        AppDataSync expired = stored();
        assertThat(expired.contacts().state()).isEqualTo(State.EXPIRED);
        assertThat(expired.contacts().lastError()).isEqualTo("(#100) Invalid parameter");
        assertThat(expired.history().state()).isEqualTo(State.EXPIRED);
        assertThat(expired.settled()).isTrue();
        int asked = meta.calls.size();
        clock.advance(Duration.ofDays(1));
        assertThat(sync.syncNext()).isEqualTo(Round.IDLE);
        assertThat(meta.calls).hasSize(asked);
    }

    @Test
    void nothing_is_asked_before_onboarding_subscribed_the_app_to_the_accounts_webhooks() {
        onboardingMeta.failsAt(
                ScriptedMetaOnboarding.Call.SUBSCRIBE, MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "down"));
        signUp(SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING);

        assertThat(sync.syncNext()).isEqualTo(new Round(0, 0, true, false));

        assertThat(meta.calls).isEmpty();
        assertThat(stored().contacts()).isEqualTo(AppDataSync.Request.PENDING);
        assertThat(stored().nextAttemptAt()).isEqualTo(NOW.plus(POLICY.firstBackoff()));
    }

    @Test
    void a_deployment_that_subscribes_by_other_means_gets_the_sync_once_onboarding_finished() {
        TestFeatures.over(
                        store,
                        onboardingMeta,
                        variable -> Optional.empty(),
                        new OnboardingPolicy(false, true, false),
                        new ResolutionCounter(),
                        clock)
                .onboarding()
                .onboard()
                .onboard(new OnboardUseCase.Command(
                        ACME,
                        new Actor("alice"),
                        new SignupCode(SecretValues.secret("signup-code")),
                        new SignupAccount(
                                SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING,
                                WABA,
                                NUMBER,
                                null,
                                null,
                                List.of())));
        assertThat(store.load(ACME).orElseThrow().primaryAccount().subscribed()).isFalse();

        assertThat(sync.syncNext()).isEqualTo(new Round(2, 0, true, false));
    }

    @Test
    void a_number_removed_before_its_sync_is_never_synced() {
        signUp(SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING);
        TestFeatures.over(
                        store,
                        onboardingMeta,
                        variable -> Optional.empty(),
                        OnboardingPolicy.DEFAULT,
                        new ResolutionCounter(),
                        clock)
                .phoneNumbers()
                .removePhoneNumber()
                .removePhoneNumber(
                        new RemovePhoneNumberUseCase.Command(ACME, new Actor("alice"), NUMBER, ExpectedVersion.any()));

        assertThat(sync.syncNext()).isEqualTo(new Round(0, 0, true, false));

        assertThat(meta.calls).isEmpty();
        assertThat(coexistence.viewAppDataSyncs().appDataSyncs(ACME)).isEmpty();
    }

    @Test
    void the_backoff_doubles_up_to_the_longest() {
        assertThat(POLICY.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(POLICY.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(POLICY.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(POLICY.backoff(40)).isEqualTo(Duration.ofMinutes(4));
    }
}
