package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.persistence.testing.TestKeys;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.SaveOutcome;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The audit record and the change it records commit together, or not at all. */
class AuditInTransactionTest {

    private final Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
    private final JdbiTenantConfigRepository repository = new JdbiTenantConfigRepository(jdbi, TestKeys.cipher());

    @Test
    void when_the_audit_record_cannot_be_written_the_change_is_not_made_either() {
        TenantConfig stored = ((SaveOutcome.Saved) repository.insert(TestConfigs.aConfig("acme").build())).config();
        // A subject longer than the audit column holds: the audit insert fails inside the transaction.
        Actor unrecordable = new Actor("x".repeat(300), Set.of(), null, null);

        assertThatThrownBy(() -> repository.onBehalfOf(unrecordable)
                .update(TestConfigs.copyOf(stored).active(false).build()))
                .isInstanceOf(RuntimeException.class);

        TenantConfig after = repository.findByTenant(TenantId.of("acme")).orElseThrow();
        assertThat(after.isActive()).isTrue();
        assertThat(after.version()).isEqualTo(1);
    }

    @Test
    void the_audit_table_holds_no_secret_values() {
        TenantConfig config = TestConfigs.aConfig("acme").build();
        repository.onBehalfOf(new Actor("alice")).insert(config);

        String audit = jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenant_config_audit").mapToMap().list()).toString();

        assertThat(audit).contains("access_token").doesNotContain(config.accessToken().reveal())
                .doesNotContain(config.fbAppSecret().reveal());
    }
}
