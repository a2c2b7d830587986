package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.domain.AppDataSync.Kind;
import io.tenantconfig.domain.AppDataSync.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A WhatsApp Business app's data, synchronised once per signup: contacts, then history, within Meta's 24 hours. */
class AppDataSyncTest {

    private static final Instant SIGNED_UP = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(SIGNED_UP, ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");
    private static final UserId ALICE = UserId.of("alice");
    private static final MetaId WABA = MetaId.parse("111");
    private static final MetaId NUMBER = MetaId.parse("222");
    private static final AccessGrant GRANT = new AccessGrant(Secret.of("EAAG-token-1"), null);

    private static AppDataSync due() {
        return AppDataSync.requestedBy(new DomainEvent.TokenExchanged(ACME, Set.of("access_token"), NUMBER), SIGNED_UP)
                .orElseThrow();
    }

    @Test
    void a_business_app_signup_opens_a_24_hour_window_due_at_once_with_the_contacts_first() {
        Changed signedUp = changed(TenantConfig.onboard(
                ACME,
                ALICE,
                new SignupAccount(
                        SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING, WABA, NUMBER, null, null, List.of()),
                GRANT,
                TestLimits.MOST,
                CLOCK));

        AppDataSync sync = AppDataSync.requestedBy(signedUp.event(), SIGNED_UP).orElseThrow();

        assertThat(sync.tenantId()).isEqualTo(ACME);
        assertThat(sync.phoneNumberId()).isEqualTo(NUMBER);
        assertThat(sync.windowEndsAt()).isEqualTo(SIGNED_UP.plus(Duration.ofHours(24)));
        assertThat(sync.nextAttemptAt()).isEqualTo(SIGNED_UP);
        assertThat(sync.next()).contains(Kind.CONTACTS);
        assertThat(sync.contacts().state()).isEqualTo(State.PENDING);
        assertThat(sync.history().state()).isEqualTo(State.PENDING);
    }

    @Test
    void a_cloud_api_signup_or_a_business_app_signup_without_its_number_asks_for_no_sync() {
        Changed cloudOnly = changed(TenantConfig.onboard(
                ACME,
                ALICE,
                new SignupAccount(SignupFinish.FINISH, WABA, NUMBER, null, null, List.of()),
                GRANT,
                TestLimits.MOST,
                CLOCK));
        Changed noNumber = changed(TenantConfig.onboard(
                ACME,
                ALICE,
                new SignupAccount(
                        SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING, WABA, null, null, null, List.of()),
                GRANT,
                TestLimits.MOST,
                CLOCK));

        assertThat(AppDataSync.requestedBy(cloudOnly.event(), SIGNED_UP)).isEmpty();
        assertThat(AppDataSync.requestedBy(noNumber.event(), SIGNED_UP)).isEmpty();
        assertThat(AppDataSync.requestedBy(new DomainEvent.SecretsRead(ACME), SIGNED_UP))
                .isEmpty();
    }

    @Test
    void the_history_is_requested_once_meta_accepted_the_contacts_and_nothing_after_both() {
        Instant later = SIGNED_UP.plusSeconds(5);
        AppDataSync contactsDone = due().accepted(Kind.CONTACTS, "req-1", later);

        assertThat(contactsDone.contacts())
                .isEqualTo(new AppDataSync.Request(State.REQUESTED, later, "req-1", 0, null));
        assertThat(contactsDone.next()).contains(Kind.HISTORY);
        assertThat(contactsDone.nextAttemptAt()).isEqualTo(later);

        AppDataSync bothDone = contactsDone.accepted(Kind.HISTORY, "req-2", later);
        assertThat(bothDone.next()).isEmpty();
        assertThat(bothDone.settled()).isTrue();
        assertThat(bothDone.history().requestId()).isEqualTo("req-2");
    }

    @Test
    void a_refused_request_keeps_metas_words_and_is_tried_again_and_its_success_clears_them() {
        Instant retry = SIGNED_UP.plusSeconds(30);
        AppDataSync failed = due().failed(Kind.CONTACTS, "(#131000) Something went wrong", retry);

        assertThat(failed.contacts().state()).isEqualTo(State.FAILED);
        assertThat(failed.contacts().failures()).isEqualTo(1);
        assertThat(failed.contacts().lastError()).isEqualTo("(#131000) Something went wrong");
        assertThat(failed.nextAttemptAt()).isEqualTo(retry);
        assertThat(failed.next()).as("the contacts still come first").contains(Kind.CONTACTS);

        AppDataSync accepted = failed.accepted(Kind.CONTACTS, "req-1", retry);
        assertThat(accepted.contacts().state()).isEqualTo(State.REQUESTED);
        assertThat(accepted.contacts().lastError()).isNull();
        assertThat(accepted.contacts().failures()).as("how often it took").isEqualTo(1);
    }

    @Test
    void a_retry_the_window_would_close_before_is_due_when_it_closes_and_then_every_open_request_expires() {
        AppDataSync sync = due().accepted(Kind.CONTACTS, "req-1", SIGNED_UP);
        AppDataSync failed = sync.failed(Kind.HISTORY, "Meta is unavailable", SIGNED_UP.plus(Duration.ofHours(30)));

        assertThat(failed.nextAttemptAt()).isEqualTo(sync.windowEndsAt());
        assertThat(failed.windowClosedAt(sync.windowEndsAt())).isTrue();
        assertThat(failed.windowClosedAt(sync.windowEndsAt().minusMillis(1))).isFalse();

        AppDataSync expired = failed.expired();
        assertThat(expired.contacts().state()).as("what Meta accepted stays").isEqualTo(State.REQUESTED);
        assertThat(expired.history().state()).isEqualTo(State.EXPIRED);
        assertThat(expired.history().lastError()).isEqualTo("Meta is unavailable");
        assertThat(expired.settled()).isTrue();
        assertThat(expired.next()).isEmpty();
    }

    @Test
    void a_postponed_sync_counts_no_failure_and_never_waits_past_the_window() {
        AppDataSync postponed = due().postponed(SIGNED_UP.plusSeconds(60));
        assertThat(postponed.nextAttemptAt()).isEqualTo(SIGNED_UP.plusSeconds(60));
        assertThat(postponed.contacts()).isEqualTo(AppDataSync.Request.PENDING);

        assertThat(due().postponed(SIGNED_UP.plus(Duration.ofDays(2))).nextAttemptAt())
                .isEqualTo(SIGNED_UP.plus(AppDataSync.WINDOW));
    }
}
