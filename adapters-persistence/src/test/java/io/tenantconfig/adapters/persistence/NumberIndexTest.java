package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.CapacityUpdate;
import io.tenantconfig.domain.capacity.NumberCapacity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Whose number is this?" on a real PostgreSQL with two instances: answered from memory, unknown
 * numbers included; a change on either instance is known on the other within a second; while
 * changes cannot be heard of, the database answers.
 */
class NumberIndexTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final MetaId SHARED = MetaId.parse("9001");

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private Instance here;
    private Instance there;

    /** One service instance: store, cache, number index and listener; the index's own statements counted. */
    private static final class Instance {
        final AtomicInteger indexStatements = new AtomicInteger();
        final CachingConfigStore cache;
        final NumberIndex index;
        final ConfigNotificationListener listener;

        Instance(String name, Duration reconnectDelay) {
            Jdbi own = Jdbi.create(DATABASE.dataSource());
            Jdbi counted = Jdbi.create(DATABASE.dataSource());
            counted.setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                    indexStatements.incrementAndGet();
                }
            });
            cache = new CachingConfigStore(
                    new JdbiConfigStore(own, TestKeys.cipher()),
                    100,
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15),
                    Clock.systemUTC());
            index = new NumberIndex(new JdbiNumberDirectory(counted));
            cache.alsoAfterCommit(index);
            listener = new ConfigNotificationListener(
                    () -> DATABASE.newConnection(name), ConfigNotificationSubscriber.all(cache, index), reconnectDelay);
            listener.start();
        }

        TenantConfig change(TenantId tenant, Function<TenantConfig, TenantConfig> change) {
            return cache.inTransaction(
                    tx -> tx.save(change.apply(tx.lock(tenant).orElseThrow())));
        }

        TenantConfig insert(TenantConfig config) {
            return cache.inTransaction(tx -> tx.insertIfAbsent(config)).orElseThrow();
        }

        Optional<TenantId> ownerOf(MetaId number) {
            return index.ownerOfNumber(number).map(NumberOwner::tenantId);
        }
    }

    @BeforeEach
    void twoInstances() {
        jdbi.useHandle(
                h -> h.execute(
                        "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health RESTART IDENTITY"));
        here = new Instance("index-here", Duration.ofMillis(100));
        there = new Instance("index-there", Duration.ofMillis(100));
    }

    @AfterEach
    void stop() throws InterruptedException {
        here.listener.stop();
        there.listener.stop();
    }

    /** Generous (a loaded machine is slow); the announcement normally arrives within milliseconds. */
    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(condition);
    }

    private static TenantConfig withExtraNumber(TenantConfig config, MetaId number) {
        return TestConfigs.from(config)
                .phoneNumbers(new PhoneNumbers(
                        List.of(
                                config.phoneNumbers().all().get(0),
                                PhoneNumber.added(number, config.account().wabaId(), null, null)),
                        config.phoneNumbers().defaultId()))
                .build();
    }

    private static TenantConfig withoutExtraNumbers(TenantConfig config) {
        return TestConfigs.from(config)
                .phoneNumbers(PhoneNumbers.only(config.phoneNumbers().all().get(0)))
                .build();
    }

    @Test
    void a_number_added_on_one_instance_is_owned_on_the_other_within_a_second_and_at_once_where_it_was_added() {
        here.insert(TestConfigs.aConfig("acme").build());

        there.change(ACME, c -> withExtraNumber(c, SHARED));

        assertThat(there.ownerOf(SHARED)).as("read your own write").contains(ACME);
        eventually(() -> here.ownerOf(SHARED).isPresent());
        assertThat(here.index.ownerOfNumber(SHARED))
                .contains(new NumberOwner(ACME, true, MetaId.parse(TestConfigs.wabaIdOf("acme")), SHARED, false));
        assertThat(here.index.ownerOfAccount(MetaId.parse(TestConfigs.wabaIdOf("acme"))))
                .hasValueSatisfying(owner -> assertThat(owner.tenantId()).isEqualTo(ACME));
    }

    @Test
    void a_capacity_written_on_one_instance_is_answered_from_memory_there_at_once_and_on_the_other_within_a_second() {
        here.insert(TestConfigs.aConfig("acme").build());
        MetaId number = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
        MetaId account = MetaId.parse(TestConfigs.wabaIdOf("acme"));
        assertThat(here.index.ownerOfNumber(number).orElseThrow().capacity())
                .as("never checked: nothing said")
                .isEqualTo(NumberCapacity.UNKNOWN);
        JdbiNumberCapacities capacitiesThere = new JdbiNumberCapacities(jdbi, there.index::changed);

        capacitiesThere.checked(
                ACME, Map.of(number, new NumberCapacity("STANDARD", "GREEN", "TIER_2K", "APPROVED")), Instant.now());

        assertThat(there.index.ownerOfNumber(number).orElseThrow().messagesPerSecond())
                .isEqualTo(80);
        assertThat(there.index.ownerOfNumber(number).orElseThrow().capacity().messagingLimitTier())
                .as("read your own write")
                .isEqualTo("TIER_2K");
        eventually(() -> "GREEN"
                .equals(here.index
                        .ownerOfNumber(number)
                        .orElseThrow()
                        .capacity()
                        .qualityRating()));

        // Meta's THROUGHPUT_UPGRADE names the number by its display number (+1 555-010-0000).
        capacitiesThere.updated(
                ACME, account, new CapacityUpdate("15550100000", "HIGH", "TIER_UNLIMITED"), Instant.now());

        eventually(() -> here.index.ownerOfNumber(number).orElseThrow().messagesPerSecond() == 1_000);
        assertThat(here.index.ownerOfNumber(number).orElseThrow().capacity())
                .isEqualTo(new NumberCapacity("HIGH", "GREEN", "TIER_UNLIMITED", "APPROVED"));
        assertThat(here.index.ownerOfAccount(account).orElseThrow().messagesPerSecond())
                .as("asked by account: its own number's")
                .isEqualTo(1_000);
    }

    @Test
    void what_meta_did_not_say_stays_and_an_upgrade_of_another_number_changes_nothing() {
        here.insert(TestConfigs.aConfig("acme").build());
        MetaId number = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
        JdbiNumberCapacities capacities = new JdbiNumberCapacities(jdbi, here.index::changed);
        capacities.checked(
                ACME, Map.of(number, new NumberCapacity("STANDARD", "GREEN", "TIER_10K", "APPROVED")), Instant.now());

        capacities.checked(ACME, Map.of(number, new NumberCapacity(null, "YELLOW", null, null)), Instant.now());

        assertThat(here.index.ownerOfNumber(number).orElseThrow().capacity())
                .isEqualTo(new NumberCapacity("STANDARD", "YELLOW", "TIER_10K", "APPROVED"));
        capacities.updated(
                ACME,
                MetaId.parse(TestConfigs.wabaIdOf("acme")),
                new CapacityUpdate("19990000000", "HIGH", null),
                Instant.now());
        assertThat(here.index.ownerOfNumber(number).orElseThrow().messagesPerSecond())
                .as("an upgrade of a number the account does not have changes none of its numbers")
                .isEqualTo(80);
    }

    @Test
    void a_number_that_moves_to_another_tenant_is_owned_by_that_one_everywhere() {
        here.insert(TestConfigs.aConfig("acme").build());
        here.insert(TestConfigs.aConfig("globex").build());
        here.change(ACME, c -> withExtraNumber(c, SHARED));
        eventually(() -> there.ownerOf(SHARED).equals(Optional.of(ACME)));

        here.change(ACME, NumberIndexTest::withoutExtraNumbers);
        there.change(GLOBEX, c -> withExtraNumber(c, SHARED));

        eventually(() -> here.ownerOf(SHARED).equals(Optional.of(GLOBEX)));
        assertThat(there.ownerOf(SHARED)).contains(GLOBEX);
        there.change(GLOBEX, NumberIndexTest::withoutExtraNumbers);
        eventually(() -> here.ownerOf(SHARED).isEmpty());
    }

    @Test
    void a_webhook_key_is_found_on_every_instance_from_memory_and_kept_through_changes_that_leave_ownership_alone() {
        here.insert(TestConfigs.aConfig("acme").build());
        eventually(() -> here.listener.notificationsReceived() == 1
                && there.index.keyOf(ACME).isPresent());
        String key = here.index.keyOf(ACME).orElseThrow();
        assertThat(there.index.keyOf(ACME)).contains(key);

        // A change that leaves who owns what as it was: the same ownership is read again.
        here.change(
                ACME, c -> TestConfigs.from(c).accessToken("EAAG-another-token").build());
        eventually(() -> here.listener.notificationsReceived() == 2);

        int statements = here.indexStatements.get();
        assertThat(here.index.tenantOfKey(key)).contains(ACME);
        assertThat(there.index.tenantOfKey(key)).contains(ACME);
        assertThat(here.index.tenantOfKey("0".repeat(32))).isEmpty();
        assertThat(here.indexStatements.get()).as("answered from memory").isEqualTo(statements);

        here.cache.inTransaction(tx -> {
            tx.delete(tx.lockForDeletion(ACME).orElseThrow());
            return null;
        });
        eventually(() -> there.index.tenantOfKey(key).isEmpty());
        assertThat(here.index.tenantOfKey(key)).isEmpty();
    }

    @Test
    void deactivating_a_configuration_or_a_number_is_known_everywhere() {
        here.insert(TestConfigs.aConfig("acme").build());
        MetaId number = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
        eventually(() -> there.ownerOf(number).isPresent());

        here.change(ACME, c -> TestConfigs.from(c).active(false).build());

        eventually(() -> !there.index.ownerOfNumber(number).orElseThrow().active());
        assertThat(there.index
                        .ownerOfAccount(MetaId.parse(TestConfigs.wabaIdOf("acme")))
                        .orElseThrow()
                        .active())
                .isFalse();
    }

    @Test
    void known_and_unknown_numbers_are_answered_from_memory_without_a_statement() {
        here.insert(TestConfigs.aConfig("acme").build());
        // The insert's own announcement re-reads acme once more; let it arrive first.
        eventually(() -> here.listener.notificationsReceived() == 1);
        assertThat(here.index.isServingFromMemory()).isTrue();
        int before = here.indexStatements.get();

        for (int i = 0; i < 1_000; i++) {
            assertThat(here.ownerOf(MetaId.parse(TestConfigs.phoneNumberIdOf("acme"))))
                    .contains(ACME);
            assertThat(here.ownerOf(MetaId.parse(String.valueOf(500_000 + i)))).isEmpty();
            assertThat(here.index.ownerOfAccount(MetaId.parse(String.valueOf(700_000 + i))))
                    .isEmpty();
        }

        assertThat(here.indexStatements.get()).isEqualTo(before);
        assertThat(here.index.size()).isEqualTo(1);
    }

    @Test
    void while_changes_cannot_be_heard_of_the_database_answers() throws InterruptedException {
        Instance deaf = new Instance("index-deaf", Duration.ofMinutes(10));
        try {
            here.insert(TestConfigs.aConfig("acme").build());
            eventually(() -> deaf.ownerOf(MetaId.parse(TestConfigs.phoneNumberIdOf("acme")))
                    .isPresent());

            jdbi.useHandle(h -> h.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'index-deaf'"));
            eventually(() -> !deaf.listener.isListening());
            // A number added behind every instance's back: only the database knows.
            jdbi.useHandle(h ->
                    h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                            + " SELECT c.id, a.id, '9002', false FROM tenant_configs c"
                            + " JOIN whatsapp_accounts a ON a.config_id = c.id WHERE c.tenant_id = 'acme'"));

            assertThat(deaf.index.isServingFromMemory()).isFalse();
            assertThat(deaf.ownerOf(MetaId.parse("9002"))).contains(ACME);
        } finally {
            deaf.listener.stop();
        }
    }

    @Test
    void after_the_listener_reconnects_memory_is_loaded_again() {
        here.insert(TestConfigs.aConfig("acme").build());
        // The insert's announcement is applied first: applied after the number below, it would
        // re-read acme's numbers, that one with them.
        eventually(() -> here.listener.notificationsReceived() >= 1);
        jdbi.useHandle(
                h -> h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                        + " SELECT c.id, a.id, '9003', false FROM tenant_configs c"
                        + " JOIN whatsapp_accounts a ON a.config_id = c.id WHERE c.tenant_id = 'acme'"));
        assertThat(here.ownerOf(MetaId.parse("9003")))
                .as("unannounced: not in memory")
                .isEmpty();

        jdbi.useHandle(h -> h.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'index-here'"));

        eventually(() -> here.listener.reconnects() >= 1 && here.index.isServingFromMemory());
        assertThat(here.ownerOf(MetaId.parse("9003"))).contains(ACME);
    }
}
