package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.CallbackSettings;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerifyToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache on a real PostgreSQL: it saves round trips, forgets at once what this instance
 * writes, hears within a second what another instance writes, and starts afresh after its
 * listener loses the connection.
 */
class ConfigCacheTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TestDatabase DATABASE = TestDatabase.migrated();

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final AtomicInteger databaseReads = new AtomicInteger();
    private Instance here;
    private Instance there;

    /** One service instance's store: database, cache, listener. */
    private final class Instance {
        final CachingConfigStore cache;
        final ConfigNotificationListener listener;

        Instance(String name, boolean countReads) {
            this(name, countReads, Duration.ofMillis(100));
        }

        Instance(String name, boolean countReads, Duration reconnectDelay) {
            JdbiConfigStore database = new JdbiConfigStore(jdbi, TestKeys.cipher());
            cache = new CachingConfigStore(
                    countReads ? counting(database) : database,
                    100,
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15),
                    Clock.systemUTC());
            listener = new ConfigNotificationListener(() -> DATABASE.newConnection(name), cache, reconnectDelay);
            listener.start();
        }
    }

    private ConfigStore counting(JdbiConfigStore database) {
        return new ConfigStore() {
            @Override
            public Optional<TenantConfig> load(TenantId tenantId) {
                databaseReads.incrementAndGet();
                return database.load(tenantId);
            }

            @Override
            public <T> T inTransaction(Function<Transaction, T> work) {
                return database.inTransaction(work);
            }
        };
    }

    /** Changes acme's configuration through {@code instance}, under a lock as the use cases do. */
    private static TenantConfig change(Instance instance, Function<TenantConfig, TenantConfig> change) {
        return instance.cache.inTransaction(
                tx -> tx.save(change.apply(tx.lock(ACME).orElseThrow())));
    }

    private static CallbackSettings verifyToken(TenantConfig config, String value) {
        return new CallbackSettings(
                config.callbacks().callbackUrl(),
                VerifyToken.parse(value),
                config.callbacks().redirectUrl());
    }

    @BeforeEach
    void twoInstances() {
        jdbi.useHandle(
                h -> h.execute(
                        "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health RESTART IDENTITY"));
        here = new Instance("listener-here", true);
        there = new Instance("listener-there", false);
    }

    @AfterEach
    void stop() throws InterruptedException {
        here.listener.stop();
        there.listener.stop();
    }

    /**
     * Waits until {@code condition} holds. The deadline is generous (a loaded machine is slow), but
     * shorter than the cache's expiry, so a condition can only come true through an announcement.
     */
    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(condition);
    }

    /** Stores acme's config through the other instance, and waits until this one has heard of it. */
    private TenantConfig storedThere() throws InterruptedException {
        long heard = here.listener.notificationsReceived();
        TenantConfig stored = there.cache
                .inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()))
                .orElseThrow();
        eventually(() -> here.listener.notificationsReceived() > heard);
        return stored;
    }

    @Test
    void an_unchanged_config_is_read_from_the_database_once() throws Exception {
        storedThere();

        for (int i = 0; i < 5; i++) {
            assertThat(here.cache.load(ACME)).isPresent();
        }

        assertThat(databaseReads).hasValue(1);
        assertThat(here.cache.hits()).isEqualTo(4);
    }

    @Test
    void a_tenant_without_a_config_is_remembered_too_until_one_is_created_anywhere() throws Exception {
        assertThat(here.cache.load(ACME)).isEmpty();
        assertThat(here.cache.load(ACME)).isEmpty();
        assertThat(databaseReads).hasValue(1);

        storedThere();

        eventually(() -> here.cache.load(ACME).isPresent());
    }

    @Test
    void a_write_on_this_instance_is_served_at_once() throws Exception {
        storedThere();
        here.cache.load(ACME);

        change(
                here,
                c -> TestConfigs.from(c)
                        .callbacks(verifyToken(c, "changed-here"))
                        .build());

        assertThat(here.cache.load(ACME).orElseThrow().callbacks().verifyToken().value())
                .isEqualTo("changed-here");
    }

    @Test
    void an_update_on_another_instance_is_served_here_within_a_second() throws Exception {
        storedThere();
        assertThat(here.cache.load(ACME).orElseThrow().version()).isEqualTo(1);

        change(
                there,
                c -> TestConfigs.from(c)
                        .callbacks(verifyToken(c, "changed-there"))
                        .build());

        eventually(() -> here.cache.load(ACME).orElseThrow().version() == 2);
        assertThat(here.cache.load(ACME).orElseThrow().callbacks().verifyToken().value())
                .isEqualTo("changed-there");
    }

    @Test
    void a_deactivation_on_another_instance_is_never_served_once_announced() throws Exception {
        storedThere();
        here.cache.load(ACME);

        change(there, c -> TestConfigs.from(c).active(false).build());

        eventually(() -> !here.cache.load(ACME).orElseThrow().active());
    }

    @Test
    void a_delete_on_another_instance_is_never_served_once_announced() throws Exception {
        storedThere();
        here.cache.load(ACME);

        there.cache.inTransaction(tx -> {
            tx.delete(tx.lock(ACME).orElseThrow());
            return null;
        });

        eventually(() -> here.cache.load(ACME).isEmpty());
    }

    @Test
    void delete_all_on_another_instance_empties_this_cache() throws Exception {
        storedThere();
        here.cache.load(ACME);

        there.cache.inTransaction(ConfigStore.Transaction::deleteAll);

        eventually(() -> here.cache.load(ACME).isEmpty());
    }

    @Test
    void after_the_listener_reconnects_the_cache_starts_afresh() throws Exception {
        storedThere();
        here.cache.load(ACME);
        // A change the listener never hears of: written behind every cache's back.
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET verify_token = 'unannounced', version = version + 1"));
        assertThat(here.cache.load(ACME).orElseThrow().callbacks().verifyToken().value())
                .isEqualTo("verify-acme");

        jdbi.useHandle(h -> h.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'listener-here'"));

        eventually(() -> here.listener.reconnects() >= 1);
        assertThat(here.cache.load(ACME).orElseThrow().callbacks().verifyToken().value())
                .isEqualTo("unannounced");
    }

    @Test
    void notifications_are_counted() throws Exception {
        storedThere();

        assertThat(here.listener.notificationsReceived()).isEqualTo(1);
        eventually(() -> there.listener.notificationsReceived() == 1);
    }

    @Test
    void while_the_listener_is_down_every_lookup_goes_to_the_database() throws Exception {
        Instance deaf = new Instance("listener-deaf", false, Duration.ofMinutes(10));
        try {
            storedThere();
            eventually(() -> deaf.cache.load(ACME).isPresent());

            jdbi.useHandle(h -> h.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'listener-deaf'"));
            eventually(() -> !deaf.listener.isListening());
            // A lookup while deaf: were memory still in use, this would put the tenant back in it.
            assertThat(deaf.cache.load(ACME)).isPresent();
            // A change nobody announces: only a lookup that goes to the database sees it.
            jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET verify_token = 'unannounced'"));

            assertThat(deaf.cache
                            .load(ACME)
                            .orElseThrow()
                            .callbacks()
                            .verifyToken()
                            .value())
                    .isEqualTo("unannounced");
            assertThat(deaf.listener.reconnects())
                    .as("still down: memory was not used")
                    .isZero();
        } finally {
            deaf.listener.stop();
        }
    }
}
