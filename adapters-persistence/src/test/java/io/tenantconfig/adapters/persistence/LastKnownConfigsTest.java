package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.LastKnownConfigs.LastKnown;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.application.port.out.StoredCredentials;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.LogLeakGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader's reads through a database outage: the copy in memory is served, marked stale since
 * the moment it was last known to be current, for at most the maximum staleness; every other read
 * and every write fails as before; the database's answers are current again as soon as it is back.
 */
class LastKnownConfigsTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Duration MAXIMUM_STALENESS = Duration.ofMinutes(15);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final Switchable database = new Switchable(new InMemoryConfigStore());
    private final CachingConfigStore cache =
            new CachingConfigStore(database, 100, Duration.ofSeconds(60), MAXIMUM_STALENESS, clock);

    @BeforeEach
    void acmeIsStoredAndReadWhileAnnouncementsAreHeard() {
        database.store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        cache.announcementsRestored();
        assertThat(cache.lastKnown(ACME))
                .isEqualTo(LastKnown.current(database.store.load(ACME).map(StoredCredentials::of)));
        assertThat(cache.load(ACME)).isEqualTo(database.store.load(ACME));
    }

    @Test
    void while_announcements_are_heard_a_copy_within_its_expiry_is_current_even_if_the_database_is_down() {
        database.down = true;

        assertThat(cache.lastKnown(ACME).staleSince()).isEmpty();
        assertThat(cache.load(ACME)).isPresent();
    }

    @Test
    void after_announcements_stop_and_the_database_is_down_the_copy_is_served_stale_since_they_stopped() {
        clock.advance(Duration.ofSeconds(30));
        Instant lost = clock.instant();
        cache.announcementsLost();
        database.down = true;
        clock.advance(Duration.ofMinutes(3));

        LastKnown known = cache.lastKnown(ACME);

        assertThat(known.credentials().map(this::token))
                .contains(TestConfigs.aConfig("acme")
                        .build()
                        .token()
                        .accessToken()
                        .reveal());
        assertThat(known.staleSince()).contains(lost);
        assertThat(cache.servingStale()).isEqualTo(1);
        assertThat(cache.staleAnswers()).isEqualTo(1);
        assertThat(logged("WARN", "the loader answers from memory, marked stale, for at most PT15M"))
                .isTrue();
    }

    @Test
    void every_other_read_and_every_write_fail_while_the_database_is_down() {
        cache.announcementsLost();
        database.down = true;

        assertThatThrownBy(() -> cache.load(ACME)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> cache.inTransaction(tx -> tx.lock(ACME)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(cache.lastKnown(ACME).staleSince()).isPresent();
    }

    @Test
    void a_copy_read_from_the_database_after_announcements_stopped_is_stale_only_since_that_read() {
        cache.announcementsLost();
        clock.advance(Duration.ofMinutes(2));
        Instant read = clock.instant();
        assertThat(cache.lastKnown(ACME).staleSince())
                .as("the database answers")
                .isEmpty();
        database.down = true;
        clock.advance(Duration.ofMinutes(1));

        assertThat(cache.lastKnown(ACME).staleSince()).contains(read);
    }

    @Test
    void the_absence_of_a_configuration_is_served_stale_too_so_the_fallback_goes_on() {
        assertThat(cache.lastKnown(GLOBEX).credentials()).isEmpty();
        cache.announcementsLost();
        database.down = true;

        LastKnown known = cache.lastKnown(GLOBEX);

        assertThat(known.credentials()).isEmpty();
        assertThat(known.staleSince()).isPresent();
    }

    @Test
    void a_tenant_never_read_has_no_copy_and_its_lookup_fails() {
        cache.announcementsLost();
        database.down = true;

        assertThatThrownBy(() -> cache.lastKnown(GLOBEX))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("not in memory");
    }

    @Test
    void a_copy_whose_change_was_announced_is_read_again_so_an_outage_right_after_serves_the_change() {
        database.store.inTransaction(
                tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                        .accessToken("EAAG-changed-on-another-instance")
                        .build()));
        cache.changed(ACME);
        cache.announcementsLost();
        database.down = true;

        assertThat(cache.lastKnown(ACME).credentials().map(this::token)).contains("EAAG-changed-on-another-instance");
    }

    @Test
    void a_copy_whose_change_was_announced_but_cannot_be_read_is_dropped_never_served_stale() {
        database.down = true;
        cache.changed(ACME);
        cache.announcementsLost();

        assertThatThrownBy(() -> cache.lastKnown(ACME))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("not in memory");
    }

    @Test
    void a_write_here_leaves_the_written_configuration_in_memory_for_an_outage_right_after() {
        cache.inTransaction(tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                .accessToken("EAAG-written-here")
                .build()));
        cache.announcementsLost();
        database.down = true;

        assertThat(cache.lastKnown(ACME).credentials().map(this::token)).contains("EAAG-written-here");
    }

    @Test
    void past_the_maximum_staleness_the_lookup_fails() {
        cache.announcementsLost();
        database.down = true;

        clock.advance(MAXIMUM_STALENESS);
        assertThat(cache.lastKnown(ACME).staleSince()).as("at the maximum").isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> cache.lastKnown(ACME))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("older than the PT15M it may be served");
    }

    @Test
    void once_the_database_answers_again_answers_are_current_and_carry_what_changed_meanwhile() {
        cache.announcementsLost();
        database.down = true;
        assertThat(cache.lastKnown(ACME).staleSince()).isPresent();
        // Another instance, still connected, changes acme meanwhile.
        database.store.inTransaction(
                tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                        .accessToken("EAAG-changed-during-the-outage")
                        .build()));

        database.down = false;
        clock.advance(Duration.ofSeconds(1));
        LastKnown known = cache.lastKnown(ACME);

        assertThat(known.staleSince()).isEmpty();
        assertThat(known.credentials().map(this::token)).contains("EAAG-changed-during-the-outage");
        assertThat(cache.servingStale()).isZero();
        assertThat(
                        logged(
                                "INFO",
                                "The database answers again: the loader's answers are current again (stale answers served: 1 over 1 s)"))
                .isTrue();
    }

    @Test
    void within_a_second_of_finding_the_database_down_the_copy_is_served_without_asking_it_again() {
        cache.announcementsLost();
        database.down = true;
        cache.lastKnown(ACME);
        int asked = database.loads;

        cache.lastKnown(ACME);
        cache.lastKnown(ACME);
        assertThat(database.loads).isEqualTo(asked);

        clock.advance(Duration.ofSeconds(1));
        cache.lastKnown(ACME);
        assertThat(database.loads).isEqualTo(asked + 1);
    }

    @Test
    void when_announcements_are_back_every_copy_is_read_again_before_it_is_trusted() {
        cache.announcementsLost();
        database.store.inTransaction(
                tx -> tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                        .accessToken("EAAG-changed-while-unheard")
                        .build()));
        cache.announcementsRestored();

        assertThat(cache.lastKnown(ACME).credentials().map(this::token)).contains("EAAG-changed-while-unheard");
    }

    private String token(StoredCredentials credentials) {
        return credentials.value(CredentialField.ACCESS_TOKEN);
    }

    private static boolean logged(String level, String text) {
        return LogLeakGuard.lines().stream()
                .anyMatch(line ->
                        line.startsWith(level + " " + CachingConfigStore.class.getName()) && line.contains(text));
    }

    /** The database, reachable or not; counts its loads. */
    private static final class Switchable implements ConfigStore {
        final InMemoryConfigStore store;
        volatile boolean down;
        volatile int loads;

        Switchable(InMemoryConfigStore store) {
            this.store = store;
        }

        @Override
        public Optional<TenantConfig> load(TenantId tenantId) {
            loads++;
            reachable();
            return store.load(tenantId);
        }

        @Override
        public <T> T inTransaction(Function<Transaction, T> work) {
            reachable();
            return store.inTransaction(work);
        }

        private void reachable() {
            if (down) {
                throw new StoreUnavailableException("no connection to the database", null);
            }
        }
    }
}
