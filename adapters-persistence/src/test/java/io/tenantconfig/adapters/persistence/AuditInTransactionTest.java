package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Arrays;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** On PostgreSQL, the audit record and the change it records commit together, or not at all. */
class AuditInTransactionTest {

    private static final TenantId ACME = TenantId.of("acme");

    private final Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
    private final JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());

    @Test
    void when_the_database_refuses_the_audit_record_the_change_is_not_made_either() {
        TenantConfig stored = store.inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()))
                .orElseThrow();
        // A subject longer than the audit column holds: PostgreSQL refuses the insert, inside the transaction.
        Actor unrecordable = new Actor("x".repeat(300), Set.of(), null, null);

        assertThatThrownBy(() -> store.inTransaction(tx -> {
                    TenantConfig saved = tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                            .active(false)
                            .build());
                    tx.record(AuditEntry.of(unrecordable, ACME, AuditAction.DEACTIVATE));
                    return saved;
                }))
                .isInstanceOf(RuntimeException.class);

        TenantConfig after = store.load(ACME).orElseThrow();
        assertThat(after).isEqualTo(stored);
        long auditRows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_config_audit")
                .mapTo(Long.class)
                .one());
        assertThat(auditRows).isZero();
    }

    @Test
    void the_audit_table_holds_no_secret_values() {
        TenantConfig config = TestConfigs.aConfig("acme").build();
        store.inTransaction(tx -> {
            tx.insertIfAbsent(config);
            tx.record(new AuditEntry(
                    new Actor("alice"), ACME, AuditAction.CREATE, Set.of("access_token", "fb_app_secret")));
            return null;
        });

        String audit = jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenant_config_audit")
                        .mapToMap()
                        .list())
                .toString();

        assertThat(audit)
                .contains("access_token")
                .doesNotContain(config.token().accessToken().reveal())
                .doesNotContain(config.app().appSecret().reveal());
    }

    @Test
    void a_change_is_announced_to_other_instances_only_when_it_commits() throws Exception {
        TenantConfig stored = store.inTransaction(
                        tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()))
                .orElseThrow();

        String[] announced = jdbi.withHandle(listening -> {
            listening.execute("LISTEN " + ConfigNotifications.CHANNEL);
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                tx.save(TestConfigs.from(tx.lock(ACME).orElseThrow())
                        .active(false)
                        .build());
                throw new IllegalStateException("rolled back");
            }));
            store.inTransaction(tx -> tx.save(
                    TestConfigs.from(tx.lock(ACME).orElseThrow()).active(false).build()));
            listening.execute("SELECT 1");
            return Arrays.stream(
                            listening.getConnection().unwrap(PGConnection.class).getNotifications(1000))
                    .map(PGNotification::getParameter)
                    .toArray(String[]::new);
        });

        assertThat(announced).containsExactly("acme");
        assertThat(store.load(ACME).orElseThrow().version()).isEqualTo(stored.version() + 1);
    }
}
