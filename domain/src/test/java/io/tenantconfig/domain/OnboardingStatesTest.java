package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Onboarding's states: each holds only what can be true in it, and each step leads to the right one. */
class OnboardingStatesTest {

    private static final Instant EARLIER = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final MetaId NUMBER = MetaId.parse("222");
    private static final MetaId OTHER_NUMBER = MetaId.parse("333");
    private static final TokenGrant TOKEN = new TokenGrant(Secret.of("EAAG-token-1"), null, null, null);
    private static final WhatsAppAccount ACCOUNT = new WhatsAppAccount(MetaId.parse("111"), null);
    private static final MetaId WABA = ACCOUNT.wabaId();
    private static final PhoneNumbers NUMBERS = PhoneNumbers.only(PhoneNumber.added(NUMBER, null, null, null));

    private static final Onboarding RUNNING =
            new Onboarding.InProgress(Onboarding.Step.WEBHOOK_SUBSCRIBED, ALICE, WABA, NUMBER, EARLIER);

    /**
     * The accounts of a tenant with one account, of these ids and this token; none at all when
     * neither is known.
     */
    private static Accounts accounts(TokenGrant token, WhatsAppAccount account) {
        return token.equals(TokenGrant.NONE) && account.equals(WhatsAppAccount.NONE)
                ? Accounts.NONE
                : new Accounts(List.of(new Account(account, token, null, Set.of(), AccountStanding.GOOD, null)));
    }

    /** The numbers as held by the tenant's one account {@code account}. */
    private static PhoneNumbers in(WhatsAppAccount account, PhoneNumbers numbers) {
        return numbers.movedTo(null, account.wabaId());
    }

    /** A configuration onboarding {@link #NUMBER} whose token, account, numbers and onboarding are as given. */
    private static TenantConfig configWith(
            TokenGrant token, WhatsAppAccount account, PhoneNumbers numbers, Onboarding onboarding) {
        return new TenantConfig(
                1,
                TenantId.of("acme"),
                accounts(token, account),
                in(account, numbers),
                AppCredentials.NONE,
                CallbackSettings.NONE,
                onboarding,
                true,
                EARLIER,
                EARLIER,
                1);
    }

    @Test
    void a_completed_onboarding_cannot_be_built_without_its_time() {
        assertThatThrownBy(() -> new Onboarding.Completed(ALICE, WABA, NUMBER, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("says when it completed");
        assertThatThrownBy(() -> Onboarding.of(OnboardingStatus.COMPLETED, ALICE, WABA, NUMBER, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_run_in_progress_cannot_be_built_without_its_step_or_its_account_nor_register_without_a_number() {
        assertThatThrownBy(() -> new Onboarding.InProgress(Onboarding.Step.TOKEN_EXCHANGED, ALICE, null, NUMBER, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("works on the account its signup named");
        assertThatThrownBy(() -> new Onboarding.InProgress(null, ALICE, WABA, NUMBER, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Onboarding.of(OnboardingStatus.PHONE_REGISTERED, ALICE, WABA, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a run registers a number only when its signup named one");
        assertThat(new Onboarding.InProgress(Onboarding.Step.WEBHOOK_SUBSCRIBED, ALICE, WABA, null, null)
                        .phoneNumberId())
                .as("a signup that finished without a number runs without one")
                .isNull();
    }

    @Test
    void a_configuration_cannot_hold_a_run_in_progress_without_its_token_account_or_number() {
        assertThat(configWith(TOKEN, ACCOUNT, NUMBERS, RUNNING).onboarding()).isEqualTo(RUNNING);

        PhoneNumbers withoutTheNumber = PhoneNumbers.only(PhoneNumber.added(OTHER_NUMBER, null, null, null));
        for (Runnable build : new Runnable[] {
            () -> configWith(TokenGrant.NONE, ACCOUNT, NUMBERS, RUNNING),
            () -> configWith(TOKEN, WhatsAppAccount.NONE, NUMBERS, RUNNING),
            () -> configWith(TOKEN, ACCOUNT, PhoneNumbers.NONE, RUNNING),
            () -> configWith(TOKEN, ACCOUNT, withoutTheNumber, RUNNING)
        }) {
            assertThatThrownBy(build::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an onboarding in progress needs the token, the account and the signed-up number");
        }
    }

    @Test
    void every_other_state_can_be_held_by_a_configuration_without_token_account_or_numbers() {
        for (Onboarding state : new Onboarding[] {
            new Onboarding.NotStarted(ALICE),
            new Onboarding.Completed(ALICE, WABA, NUMBER, EARLIER),
            new Onboarding.ReauthorizationRequired(ALICE, WABA, NUMBER, EARLIER)
        }) {
            assertThat(configWith(TokenGrant.NONE, WhatsAppAccount.NONE, PhoneNumbers.NONE, state)
                            .onboarding())
                    .isSameAs(state);
        }
    }

    @Test
    void each_status_names_one_state_and_the_state_gives_it_back() {
        for (OnboardingStatus status : OnboardingStatus.values()) {
            Onboarding state = Onboarding.of(status, ALICE, WABA, NUMBER, EARLIER);

            assertThat(state.status()).isEqualTo(status);
            assertThat(state.isCompleted()).isEqualTo(status == OnboardingStatus.COMPLETED);
            assertThat(state instanceof Onboarding.InProgress).isEqualTo(status.isResumable());
            assertThat(state.user()).isEqualTo(ALICE);
            assertThat(state.phoneNumberId()).isEqualTo(NUMBER);
            assertThat(state.onboardedAt()).isEqualTo(EARLIER);
        }
        assertThat(Arrays.stream(Onboarding.Step.values()).map(Onboarding.Step::status))
                .containsExactly(
                        OnboardingStatus.TOKEN_EXCHANGED,
                        OnboardingStatus.WEBHOOK_SUBSCRIBED,
                        OnboardingStatus.PHONE_REGISTERED);
    }

    @Test
    void a_configuration_made_by_hand_has_not_started_and_names_no_run() {
        Onboarding made = new Onboarding.NotStarted(ALICE);

        assertThat(made).isEqualTo(new Onboarding.NotStarted(ALICE, null, null, null));
        assertThat(made.status()).isEqualTo(OnboardingStatus.NOT_STARTED);
        assertThat(made.isCompleted()).isFalse();
    }

    @Test
    void a_new_signup_starts_a_run_from_any_state_and_keeps_when_the_last_one_completed() {
        for (Onboarding state : new Onboarding[] {
            new Onboarding.NotStarted(ALICE),
            RUNNING,
            new Onboarding.Completed(ALICE, WABA, NUMBER, EARLIER),
            new Onboarding.ReauthorizationRequired(ALICE, WABA, NUMBER, EARLIER)
        }) {
            assertThat(state.restartedBy(BOB, WABA, OTHER_NUMBER))
                    .isEqualTo(new Onboarding.InProgress(
                            Onboarding.Step.TOKEN_EXCHANGED, BOB, WABA, OTHER_NUMBER, state.onboardedAt()));
        }
    }

    @Test
    void each_step_leads_to_the_next_state_keeping_the_user_the_number_and_the_last_completion() {
        Onboarding started = new Onboarding.NotStarted(ALICE).restartedBy(ALICE, WABA, NUMBER);

        Onboarding subscribed = started.reached(Onboarding.Step.WEBHOOK_SUBSCRIBED);
        Onboarding registered = subscribed.reached(Onboarding.Step.PHONE_REGISTERED);
        Onboarding completed = registered.completedAt(NOW);

        assertThat(subscribed)
                .isEqualTo(new Onboarding.InProgress(Onboarding.Step.WEBHOOK_SUBSCRIBED, ALICE, WABA, NUMBER, null));
        assertThat(registered)
                .isEqualTo(new Onboarding.InProgress(Onboarding.Step.PHONE_REGISTERED, ALICE, WABA, NUMBER, null));
        assertThat(completed).isEqualTo(new Onboarding.Completed(ALICE, WABA, NUMBER, NOW));
        assertThat(completed.reauthorizationRequired())
                .isEqualTo(new Onboarding.ReauthorizationRequired(ALICE, WABA, NUMBER, NOW));
        assertThat(RUNNING.reauthorizationRequired())
                .isEqualTo(new Onboarding.ReauthorizationRequired(ALICE, WABA, NUMBER, EARLIER));
    }

    @Test
    void a_step_needs_a_signed_up_account_to_have_been_named() {
        assertThatThrownBy(() -> new Onboarding.NotStarted(ALICE).reached(Onboarding.Step.WEBHOOK_SUBSCRIBED))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_run_that_loses_what_it_needs_ends_and_every_other_state_stays() {
        assertThat(RUNNING.heldBy(accounts(TOKEN, ACCOUNT), in(ACCOUNT, NUMBERS)))
                .isSameAs(RUNNING);
        assertThat(RUNNING.heldBy(accounts(TokenGrant.NONE, ACCOUNT), in(ACCOUNT, NUMBERS)))
                .isEqualTo(new Onboarding.ReauthorizationRequired(ALICE, WABA, NUMBER, EARLIER));
        assertThat(RUNNING.heldBy(accounts(TOKEN, WhatsAppAccount.NONE), in(WhatsAppAccount.NONE, NUMBERS)))
                .isInstanceOf(Onboarding.ReauthorizationRequired.class);
        assertThat(RUNNING.heldBy(accounts(TOKEN, ACCOUNT), in(ACCOUNT, PhoneNumbers.NONE)))
                .isInstanceOf(Onboarding.ReauthorizationRequired.class);

        Onboarding completed = new Onboarding.Completed(ALICE, WABA, NUMBER, EARLIER);
        assertThat(completed.heldBy(
                        accounts(TokenGrant.NONE, WhatsAppAccount.NONE), in(WhatsAppAccount.NONE, PhoneNumbers.NONE)))
                .isSameAs(completed);
    }

    @Test
    void a_run_can_go_on_only_with_its_account_and_token_and_the_number_it_names_in_that_account() {
        assertThat(Onboarding.runnable(accounts(TOKEN, ACCOUNT), in(ACCOUNT, NUMBERS), WABA, NUMBER))
                .isTrue();
        assertThat(Onboarding.runnable(accounts(TokenGrant.NONE, ACCOUNT), in(ACCOUNT, NUMBERS), WABA, NUMBER))
                .isFalse();
        assertThat(Onboarding.runnable(
                        accounts(TOKEN, WhatsAppAccount.NONE), in(WhatsAppAccount.NONE, NUMBERS), WABA, NUMBER))
                .isFalse();
        assertThat(Onboarding.runnable(accounts(TOKEN, ACCOUNT), in(ACCOUNT, NUMBERS), WABA, OTHER_NUMBER))
                .isFalse();
        assertThat(Onboarding.runnable(accounts(TOKEN, ACCOUNT), in(ACCOUNT, NUMBERS), null, NUMBER))
                .isFalse();
        assertThat(Onboarding.runnable(accounts(TOKEN, ACCOUNT), in(ACCOUNT, NUMBERS), WABA, null))
                .as("a run without a number needs only its account")
                .isTrue();
        assertThat(Onboarding.runnable(accounts(TOKEN, ACCOUNT), PhoneNumbers.NONE, WABA, null))
                .isTrue();
    }

    @Test
    void the_configurations_steps_give_the_state_they_name() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TenantConfig started = Signups.first(
                        TenantId.of("acme"),
                        ALICE,
                        new SignupAccount(ACCOUNT.wabaId(), NUMBER, null, null),
                        new AccessGrant(TOKEN.accessToken(), null),
                        clock)
                .config();

        assertThat(started.onboarding())
                .isEqualTo(new Onboarding.InProgress(Onboarding.Step.TOKEN_EXCHANGED, ALICE, WABA, NUMBER, null));
        assertThat(started.webhookSubscribed(List.of(ACCOUNT.wabaId()), clock)
                        .config()
                        .onboarding())
                .isEqualTo(new Onboarding.InProgress(Onboarding.Step.WEBHOOK_SUBSCRIBED, ALICE, WABA, NUMBER, null));
        assertThat(started.phoneRegistered(clock).config().onboarding())
                .isEqualTo(new Onboarding.InProgress(Onboarding.Step.PHONE_REGISTERED, ALICE, WABA, NUMBER, null));
        assertThat(started.onboardingCompleted(clock).config().onboarding())
                .isEqualTo(new Onboarding.Completed(ALICE, WABA, NUMBER, NOW));
        assertThat(started.reauthorizationRequired(DomainEvent.ReauthorizationRequired.FoundBy.HEALTH_CHECK, clock)
                        .config()
                        .onboarding())
                .isEqualTo(new Onboarding.ReauthorizationRequired(ALICE, WABA, NUMBER, null));
    }
}
