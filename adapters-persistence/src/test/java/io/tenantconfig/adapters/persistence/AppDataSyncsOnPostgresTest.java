package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.AppDataSync.Kind;
import io.tenantconfig.domain.AppDataSync.State;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The syncs of WhatsApp Business apps' data on PostgreSQL: written with the signup, shared by instances, kept as outcomes. */
class AppDataSyncsOnPostgresTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final Instant SIGNED_UP = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());
    /** Two instances' views of the same table. */
    private final JdbiAppDataSyncs one = new JdbiAppDataSyncs(jdbi);

    private final JdbiAppDataSyncs other = new JdbiAppDataSyncs(jdbi);

    @BeforeEach
    void twoTenants() {
        jdbi.useHandle(
                h -> h.execute(
                        "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health RESTART IDENTITY"));
        for (String tenant : List.of("acme", "globex")) {
            store.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
    }

    private static AppDataSync signedUp(String tenant, Instant at) {
        return AppDataSync.requestedBy(
                        new DomainEvent.TokenExchanged(
                                TenantId.of(tenant),
                                Set.of("access_token"),
                                MetaId.parse(TestConfigs.phoneNumberIdOf(tenant))),
                        at)
                .orElseThrow();
    }

    private void requested(AppDataSync sync) {
        store.inTransaction(tx -> {
            tx.requestAppDataSync(sync);
            return null;
        });
    }

    @Test
    void a_sync_is_stored_with_the_transaction_of_its_signup_and_not_without_it() {
        assertThatThrownBy(() -> store.inTransaction(tx -> {
                    tx.requestAppDataSync(signedUp("acme", SIGNED_UP));
                    throw new IllegalStateException("the signup's change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(one.of(TenantId.of("acme"))).isEmpty();

        requested(signedUp("acme", SIGNED_UP));

        assertThat(one.of(TenantId.of("acme"))).containsExactly(signedUp("acme", SIGNED_UP));
        assertThat(one.of(TenantId.of("globex"))).isEmpty();
    }

    @Test
    void a_claimed_sync_is_nobody_elses_until_it_is_saved_or_its_lease_runs_out() {
        requested(signedUp("acme", SIGNED_UP));

        assertThat(one.claimDue(SIGNED_UP.minusSeconds(1), LEASE))
                .as("not due yet")
                .isEmpty();
        assertThat(one.claimDue(SIGNED_UP, LEASE)).contains(signedUp("acme", SIGNED_UP));
        assertThat(other.claimDue(SIGNED_UP.plusSeconds(30), LEASE)).as("held").isEmpty();
        assertThat(other.claimDue(SIGNED_UP.plus(LEASE).plusSeconds(1), LEASE))
                .as("its holder went away")
                .isPresent();
    }

    @Test
    void instances_claiming_at_once_take_different_syncs() throws Exception {
        requested(signedUp("acme", SIGNED_UP));
        requested(signedUp("globex", SIGNED_UP));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<AppDataSync>>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JdbiAppDataSyncs instance = i % 2 == 0 ? one : other;
                claims.add(threads.submit(() -> {
                    start.await();
                    return instance.claimDue(SIGNED_UP, LEASE);
                }));
            }
            start.countDown();
            List<TenantId> claimed = new ArrayList<>();
            for (Future<Optional<AppDataSync>> claim : claims) {
                claim.get().ifPresent(sync -> claimed.add(sync.tenantId()));
            }
            assertThat(claimed).containsExactlyInAnyOrder(TenantId.of("acme"), TenantId.of("globex"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void where_a_sync_stands_is_kept_and_one_with_nothing_left_is_never_due_again() {
        requested(signedUp("acme", SIGNED_UP));
        AppDataSync claimed = one.claimDue(SIGNED_UP, LEASE).orElseThrow();
        AppDataSync failed = claimed.accepted(Kind.CONTACTS, "8410527542351932", SIGNED_UP)
                .failed(Kind.HISTORY, "(#131000) Something went wrong", SIGNED_UP.plusSeconds(30));

        one.save(failed);

        assertThat(one.of(TenantId.of("acme"))).containsExactly(failed);
        assertThat(one.claimDue(SIGNED_UP.plusSeconds(30), LEASE)).contains(failed);

        AppDataSync expired = failed.expired();
        one.save(expired);
        AppDataSync stored = one.of(TenantId.of("acme")).get(0);
        assertThat(stored.contacts().state()).isEqualTo(State.REQUESTED);
        assertThat(stored.contacts().requestId()).isEqualTo("8410527542351932");
        assertThat(stored.history().state()).isEqualTo(State.EXPIRED);
        assertThat(stored.history().lastError()).isEqualTo("(#131000) Something went wrong");
        assertThat(one.claimDue(SIGNED_UP.plus(Duration.ofDays(3)), LEASE)).isEmpty();
    }

    @Test
    void a_new_signup_of_the_number_opens_a_new_window_and_an_old_claim_cannot_overwrite_it() {
        requested(signedUp("acme", SIGNED_UP));
        AppDataSync oldClaim = one.claimDue(SIGNED_UP, LEASE).orElseThrow();
        Instant again = SIGNED_UP.plus(Duration.ofHours(2));

        requested(signedUp("acme", again));
        one.save(oldClaim.expired());

        assertThat(one.of(TenantId.of("acme"))).containsExactly(signedUp("acme", again));
        assertThat(other.claimDue(again, LEASE)).as("the new one is not held").isPresent();
    }

    @Test
    void a_sync_goes_with_its_configuration_or_when_forgotten() {
        requested(signedUp("acme", SIGNED_UP));
        requested(signedUp("globex", SIGNED_UP));

        store.inTransaction(tx -> {
            tx.delete(tx.lockForDeletion(TenantId.of("acme")).orElseThrow());
            return null;
        });
        one.forget(signedUp("globex", SIGNED_UP));

        assertThat(one.of(TenantId.of("acme"))).isEmpty();
        assertThat(one.of(TenantId.of("globex"))).isEmpty();
        assertThat(one.claimDue(SIGNED_UP.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }
}
