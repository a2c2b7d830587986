package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.AccountHealth;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.HealthState;
import io.tenantconfig.domain.health.NumberHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health and its events on PostgreSQL. */
class JdbiHealthStoreTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final JdbiConfigStore configs = new JdbiConfigStore(jdbi, TestKeys.cipher());
    private final JdbiHealthStore store =
            new JdbiHealthStore(jdbi, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6));

    @BeforeEach
    void twoTenants() {
        jdbi.useHandle(
                h -> h.execute(
                        "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health, events CASCADE"));
        for (String tenant : List.of("acme", "globex", "initech")) {
            configs.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
    }

    private static Health health(HealthReason.Code code, Instant checkedAt) {
        return new Health(
                List.of(new HealthReason(code, "Your access token has expired. Reconnect \"WhatsApp\".")),
                checkedAt,
                NOW.plus(Duration.ofDays(3)),
                List.of(new NumberHealth(MetaId.parse("1001"), "CONNECTED", "RED")),
                null,
                null);
    }

    @Test
    void a_tenant_never_checked_has_the_unknown_health_and_one_without_a_configuration_none() {
        assertThat(store.healthOf(ACME)).contains(Health.NEVER_CHECKED);
        assertThat(store.healthOf(TenantId.of("nobody"))).isEmpty();
    }

    @Test
    void a_recorded_health_reads_back_whole_and_its_events_are_in_the_outbox() throws Exception {
        Health health = health(HealthReason.Code.TOKEN_EXPIRED, NOW);
        PlatformEvent event = new PlatformEvent(
                PlatformEvent.HEALTH_CHANGED,
                ACME,
                NOW,
                Map.of("state", "INVALID", "reasons", List.of("TOKEN_EXPIRED")));

        assertThat(store.record(ACME, health, List.of(event))).isTrue();

        assertThat(store.healthOf(ACME)).contains(health);
        Map<String, Object> published =
                jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, type, data, status FROM events")
                        .mapToMap()
                        .one());
        assertThat(published)
                .containsEntry("tenant_id", "acme")
                .containsEntry("type", "health.changed")
                .containsEntry("status", "PENDING");
        assertThat(HealthRow.JSON.readValue(published.get("data").toString(), Map.class))
                .isEqualTo(Map.of("state", "INVALID", "reasons", List.of("TOKEN_EXPIRED")));
        Health unreachable = health.unreachable(NOW.plusSeconds(60), "Meta did not answer within 10 seconds");
        store.record(ACME, unreachable, List.of());
        assertThat(store.healthOf(ACME)).contains(unreachable);
    }

    @Test
    void each_accounts_part_reads_back_the_reasons_naming_their_account() {
        MetaId second = MetaId.parse("102290129340398");
        Health health = new Health(
                List.of(
                        new HealthReason(HealthReason.Code.TOKEN_EXPIRING, "soon", null).about(second, true),
                        new HealthReason(HealthReason.Code.NO_TOKEN, "none", null)),
                NOW,
                null,
                List.of(),
                NOW.plusSeconds(5),
                "WhatsApp Business Account 102290129340398: Meta did not answer",
                List.of(
                        new AccountHealth(MetaId.parse(TestConfigs.wabaIdOf("acme")), null),
                        new AccountHealth(second, NOW.plus(Duration.ofDays(3))),
                        new AccountHealth(null, null)));

        store.record(ACME, health, List.of());

        assertThat(store.healthOf(ACME)).contains(health);
        assertThat(store.healthOf(ACME).orElseThrow().stateOf(second)).isEqualTo(HealthState.EXPIRING);
    }

    @Test
    void a_row_written_before_accounts_were_checked_one_by_one_reads_with_reasons_about_no_account() {
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO tenant_health (config_id, state, reasons, numbers, checked_at, next_check_at)
                SELECT id, 'EXPIRING',
                       '[{"state":"EXPIRING","code":"TOKEN_EXPIRING","message":"Your access token expires soon."}]',
                       '[]', ?, ? FROM tenant_configs WHERE tenant_id = 'acme'\
                """, NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC)));

        Health read = store.healthOf(ACME).orElseThrow();

        assertThat(read.reasons())
                .containsExactly(new HealthReason(HealthReason.Code.TOKEN_EXPIRING, "Your access token expires soon."));
        assertThat(read.reasons().get(0).wabaId()).isNull();
        assertThat(read.accounts()).isEmpty();
        assertThat(read.state()).isEqualTo(HealthState.EXPIRING);
    }

    @Test
    void a_deleted_configuration_takes_its_health_with_it_and_cannot_get_one() {
        store.record(ACME, health(HealthReason.Code.NUMBER_QUALITY_RED, NOW), List.of());
        configs.inTransaction(tx -> {
            tx.delete(tx.lock(ACME).orElseThrow());
            return null;
        });

        assertThat(store.record(ACME, health(HealthReason.Code.NUMBER_QUALITY_RED, NOW), List.of()))
                .isFalse();
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_health")
                .mapTo(Long.class)
                .one());
        assertThat(rows).isZero();
    }

    @Test
    void admins_get_counts_per_state_and_the_tenants_needing_action_worst_first() {
        store.record(TenantId.of("globex"), health(HealthReason.Code.TOKEN_EXPIRING, NOW), List.of());
        store.record(ACME, health(HealthReason.Code.TOKEN_EXPIRED, NOW), List.of());

        assertThat(store.counts())
                .containsEntry(HealthState.INVALID, 1L)
                .containsEntry(HealthState.EXPIRING, 1L)
                .containsEntry(HealthState.UNKNOWN, 1L)
                .containsEntry(HealthState.HEALTHY, 0L);
        assertThat(store.needingAction(10))
                .extracting(t -> t.tenantId().value())
                .containsExactly("acme", "globex");
        assertThat(store.needingAction(1)).hasSize(1);
    }
}
