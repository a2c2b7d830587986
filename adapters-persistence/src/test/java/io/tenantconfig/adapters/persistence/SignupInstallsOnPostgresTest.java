package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.port.out.MetaInstall;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta's installs kept with signup sessions on PostgreSQL: attached in the webhook's transaction
 * to the newest failed session that named the account, once per change Meta sent, and read back
 * with the sessions.
 */
class SignupInstallsOnPostgresTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final MetaId ACCOUNT = MetaId.parse("1191624265890717");
    private static final MetaInstall INSTALL = new MetaInstall(
            ACCOUNT, MetaId.parse("2329417887457253"), MetaId.parse("5731794616896507"), NOW.plusSeconds(4));

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final JdbiSignupSessions sessions = new JdbiSignupSessions(jdbi);
    private final JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute(
                "TRUNCATE signup_sessions, signup_session_installs, webhook_changes" + " RESTART IDENTITY CASCADE"));
    }

    private static SignupSession failed(TenantId tenant, Instant endedAt, String... requested) {
        return new SignupSession(
                tenant,
                null,
                endedAt,
                endedAt,
                new SignupOutcome.Failed("exchange_code", "100", "This authorization code has expired.", "AbC"),
                "FINISH",
                List.of(requested),
                List.of(),
                List.of());
    }

    private static StoredWebhookChange change(String key, TenantId signedFor) {
        return new StoredWebhookChange(
                key,
                INSTALL.receivedAt(),
                null,
                ACCOUNT,
                null,
                "account_update",
                "{\"event\":\"PARTNER_APP_INSTALLED\",\"waba_info\":{\"waba_id\":\"1191624265890717\"}}",
                "a signup finished at Meta (PARTNER_APP_INSTALLED) but was never completed here",
                signedFor);
    }

    /** Records the session as onboarding does: taking the installs nobody took of the last day. */
    private void record(SignupSession session) {
        sessions.record(session, session.startedAt().minus(Duration.ofDays(1)));
    }

    private MetaInstall.Attachment attach(String key) {
        return store.inTransaction(tx -> tx.attachToSignup(change(key, null), INSTALL, NOW.minus(Duration.ofDays(1))));
    }

    @Test
    void a_failed_session_that_named_the_account_keeps_the_install_and_both_listings_show_it() {
        record(failed(GLOBEX, NOW, "500500", ACCOUNT.value()));

        assertThat(attach("sha256:aa")).isEqualTo(MetaInstall.Attachment.ATTACHED);

        assertThat(sessions.ofTenant(GLOBEX, 10)).singleElement().satisfies(stored -> {
            assertThat(stored.metaInstalls()).containsExactly(INSTALL);
            assertThat(stored.session().requestedWabaIds()).containsExactly("500500", ACCOUNT.value());
            assertThat(stored.session().wabaIds()).isEmpty();
        });
        assertThat(sessions.list(SignupSessions.Filter.ALL, Optional.empty(), 10)
                        .sessions())
                .singleElement()
                .satisfies(stored -> assertThat(stored.metaInstalls()).containsExactly(INSTALL));
        long unroutable = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM webhook_changes")
                .mapTo(Long.class)
                .one());
        assertThat(unroutable).as("not an unroutable change").isZero();
    }

    @Test
    void the_same_change_sent_again_is_already_attached_and_kept_once() {
        record(failed(GLOBEX, NOW, ACCOUNT.value()));
        attach("sha256:aa");

        assertThat(attach("sha256:aa")).isEqualTo(MetaInstall.Attachment.ALREADY_ATTACHED);
        assertThat(sessions.ofTenant(GLOBEX, 10).get(0).metaInstalls()).hasSize(1);
    }

    @Test
    void the_newest_matching_session_takes_it_and_finished_old_or_other_accounts_sessions_do_not() {
        record(failed(GLOBEX, NOW.minus(Duration.ofHours(2)), ACCOUNT.value()));
        record(failed(GLOBEX, NOW, ACCOUNT.value()));
        record(failed(GLOBEX, NOW, "500500"));

        attach("sha256:aa");

        assertThat(sessions.ofTenant(GLOBEX, 10))
                .extracting(stored -> stored.metaInstalls().size())
                .as("newest first: the other account's session, the newest of the account's, the older one")
                .containsExactly(0, 1, 0);
    }

    @Test
    void no_session_within_the_window_or_unfinished_leaves_nothing_attached() {
        record(failed(GLOBEX, NOW.minus(Duration.ofDays(2)), ACCOUNT.value()));
        record(new SignupSession(
                GLOBEX,
                null,
                NOW,
                NOW,
                new SignupOutcome.Finished(),
                "FINISH",
                List.of(ACCOUNT.value()),
                List.of(ACCOUNT.value()),
                List.of()));

        assertThat(attach("sha256:aa")).isEqualTo(MetaInstall.Attachment.NO_SESSION);
        assertThat(sessions.ofTenant(GLOBEX, 10))
                .allSatisfy(stored -> assertThat(stored.metaInstalls()).isEmpty());
    }

    @Test
    void an_install_signed_with_a_tenants_own_app_is_attached_only_to_that_tenants_session() {
        record(failed(GLOBEX, NOW, ACCOUNT.value()));

        MetaInstall.Attachment other = store.inTransaction(tx ->
                tx.attachToSignup(change("sha256:aa", TenantId.of("initech")), INSTALL, NOW.minus(Duration.ofDays(1))));
        MetaInstall.Attachment own = store.inTransaction(
                tx -> tx.attachToSignup(change("sha256:bb", GLOBEX), INSTALL, NOW.minus(Duration.ofDays(1))));

        assertThat(other).isEqualTo(MetaInstall.Attachment.NO_SESSION);
        assertThat(own).isEqualTo(MetaInstall.Attachment.ATTACHED);
    }

    @Test
    void an_attachment_is_written_in_the_webhooks_transaction_and_rolled_back_with_it() {
        record(failed(GLOBEX, NOW, ACCOUNT.value()));

        assertThatThrownBy(() -> store.inTransaction(tx -> {
                    tx.attachToSignup(change("sha256:aa", null), INSTALL, NOW.minus(Duration.ofDays(1)));
                    throw new IllegalStateException("the body's next change could not be stored");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(sessions.ofTenant(GLOBEX, 10).get(0).metaInstalls()).isEmpty();
        assertThat(attach("sha256:aa")).isEqualTo(MetaInstall.Attachment.ATTACHED);
    }

    /** Meta's install kept as unroutable, as the intake keeps it when no session named the account. */
    private void unroutable(String key, TenantId signedFor, Instant at) {
        StoredWebhookChange change = change(key, signedFor);
        store.inTransaction(tx -> tx.receive(new StoredWebhookChange(
                change.dedupeKey(),
                at,
                null,
                change.wabaId(),
                null,
                change.field(),
                "{\"event\":\"PARTNER_APP_INSTALLED\",\"waba_info\":{\"waba_id\":\"1191624265890717\","
                        + "\"owner_business_id\":\"2329417887457253\",\"partner_app_id\":\"not-an-id\"}}",
                "a signup finished at Meta (PARTNER_APP_INSTALLED) but was never completed here: no tenant has"
                        + " the WhatsApp Business Account 1191624265890717",
                signedFor)));
    }

    private long unroutableCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM webhook_changes WHERE tenant_id IS NULL")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void an_install_that_came_before_the_failed_session_was_recorded_moves_into_it() {
        unroutable("sha256:aa", null, NOW.minusSeconds(2));

        record(failed(GLOBEX, NOW, ACCOUNT.value()));

        assertThat(sessions.ofTenant(GLOBEX, 10).get(0).metaInstalls())
                .as("partner_app_id was not an id: left out")
                .containsExactly(new MetaInstall(ACCOUNT, MetaId.parse("2329417887457253"), null, NOW.minusSeconds(2)));
        assertThat(unroutableCount()).isZero();
        assertThat(attach("sha256:aa")).as("Meta sending it again").isEqualTo(MetaInstall.Attachment.ALREADY_ATTACHED);
    }

    @Test
    void a_finished_session_an_older_install_or_another_tenants_leaves_the_install_unroutable() {
        unroutable("sha256:old", null, NOW.minus(Duration.ofDays(2)));
        unroutable("sha256:theirs", TenantId.of("initech"), NOW.minusSeconds(2));
        unroutable("sha256:aa", null, NOW.minusSeconds(1));

        record(new SignupSession(
                GLOBEX,
                null,
                NOW,
                NOW,
                new SignupOutcome.Finished(),
                "FINISH",
                List.of(ACCOUNT.value()),
                List.of(ACCOUNT.value()),
                List.of()));
        assertThat(unroutableCount()).isEqualTo(3);
        record(failed(GLOBEX, NOW, ACCOUNT.value()));

        assertThat(unroutableCount()).as("the old one and initech's stay").isEqualTo(2);
        assertThat(sessions.ofTenant(GLOBEX, 10).get(0).metaInstalls()).hasSize(1);
    }
}
