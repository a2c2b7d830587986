package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The module's entry point as the service and the commands build it: the ports it returns work on
 * one database, the served ones hear other instances' changes once started, and what it gives
 * the service to measure is named as the metrics expect.
 */
class PostgresAdaptersTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final PostgresAdapters.CacheSettings CACHE = new PostgresAdapters.CacheSettings(
            100, 100, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofMinutes(15));

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());

    private PostgresAdapters serving(String name) {
        return PostgresAdapters.serving(
                jdbi, TestKeys.KEYSET, Clock.systemUTC(), CACHE, () -> DATABASE.newConnection(name));
    }

    @Test
    void direct_adapters_read_what_they_wrote_from_the_database_and_listen_to_nothing() throws Exception {
        PostgresAdapters direct = PostgresAdapters.direct(jdbi, TestKeys.KEYSET, Clock.systemUTC());
        direct.store()
                .inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("direct").build()));

        LastKnownConfigs.LastKnown known = direct.lastKnown().lastKnown(TenantId.of("direct"));
        assertThat(known.credentials()).isPresent();
        assertThat(known.staleSince()).as("read from the database now").isEmpty();
        assertThat(direct.directory().ownerOfNumber(MetaId.parse(TestConfigs.phoneNumberIdOf("direct"))))
                .map(NumberOwner::tenantId)
                .contains(TenantId.of("direct"));
        direct.start();
        try {
            assertThat(direct.isListening()).isFalse();
            assertThat(direct.gauges()).containsOnlyKeys("webhooks.waiting");
        } finally {
            direct.stop();
        }
    }

    @Test
    void served_adapters_hear_another_instances_change_once_started_and_not_after_they_stop() throws Exception {
        PostgresAdapters here = serving("entry-point-here");
        PostgresAdapters there = serving("entry-point-there");
        assertThat(there.isListening()).as("before the start").isFalse();
        here.start();
        there.start();
        try {
            assertThat(there.isListening()).isTrue();

            here.store()
                    .inTransaction(tx ->
                            tx.insertIfAbsent(TestConfigs.aConfig("served").build()));

            MetaId number = MetaId.parse(TestConfigs.phoneNumberIdOf("served"));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> there.directory().ownerOfNumber(number).isPresent());
            assertThat(there.webhookKeys().keyOf(TenantId.of("served"))).isPresent();
            assertThat(there.gauges().get("number-index.in-memory").get()).isEqualTo(1);
        } finally {
            here.stop();
            there.stop();
        }
        assertThat(there.isListening()).as("once stopped").isFalse();
    }

    @Test
    void served_adapters_name_each_gauge_as_the_service_registers_it() {
        assertThat(serving("entry-point-gauges").gauges())
                .containsOnlyKeys(
                        "webhooks.waiting",
                        "cache.hits",
                        "cache.misses",
                        "cache.size",
                        "loader.size",
                        "loader.stale",
                        "loader.stale-answers",
                        "number-index.tenants",
                        "number-index.in-memory",
                        "template-index.accounts",
                        "template-index.in-memory",
                        "notifications.received",
                        "notifications.reconnects");
    }

    @Test
    void a_keyset_made_rotated_and_pruned_here_is_one_the_adapters_take_and_a_broken_one_is_refused_unquoted()
            throws Exception {
        String rotated = PostgresAdapters.rotateKeyset(PostgresAdapters.newKeyset());

        PostgresAdapters.direct(jdbi, PostgresAdapters.pruneKeyset(rotated), Clock.systemUTC());
        assertThatThrownBy(() -> PostgresAdapters.direct(jdbi, "{\"not\": \"a keyset\"}", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the encryption keyset (ENCRYPTION_KEYSET) is not a valid Tink AEAD keyset");
    }
}
