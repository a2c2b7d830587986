package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.AuditTrailUseCase;
import io.tenantconfig.application.port.in.ConfigStatisticsUseCase;
import io.tenantconfig.application.port.in.ListConfigsUseCase;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.application.port.out.ConfigStatistics;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The read-only use cases: what a tenant or an admin sees, taken as stored. */
class QueriesTest {

    private static final Actor ADMIN = new Actor("admin");

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ResolutionCounter counter = new ResolutionCounter();
    private final TestFeatures features = TestFeatures.over(
            store,
            new ScriptedMetaOnboarding(),
            variable -> Optional.of("from-the-environment"),
            OnboardingPolicy.DEFAULT,
            counter,
            Clock.systemUTC());

    private TenantConfig stored(TenantConfig config) {
        return store.inTransaction(tx -> tx.insertIfAbsent(config)).orElseThrow();
    }

    @Test
    void a_tenant_views_its_own_configuration_as_stored() {
        TenantConfig acme = stored(TestConfigs.aConfig("acme").build());
        stored(TestConfigs.aConfig("globex").build());

        assertThat(features.configuration().viewConfig().view(TenantId.of("acme")))
                .contains(acme);
        assertThat(features.configuration().viewConfig().view(TenantId.of("initech")))
                .isEmpty();
    }

    @Test
    void an_admin_pages_through_every_configuration_with_the_total() {
        TenantConfig first = stored(TestConfigs.aConfig("acme").build());
        TenantConfig second = stored(TestConfigs.aConfig("globex").build());
        TenantConfig third = stored(TestConfigs.aConfig("initech").build());

        assertThat(features.admin()
                        .listConfigs()
                        .list(new ListConfigsUseCase.PageRequest(0, 2))
                        .configs())
                .containsExactly(first, second);
        var lastPage = features.admin().listConfigs().list(new ListConfigsUseCase.PageRequest(2, 2));
        assertThat(lastPage.configs()).containsExactly(third);
        assertThat(lastPage.total()).isEqualTo(3);
    }

    @Test
    void statistics_count_the_configurations_and_where_resolved_credentials_came_from() {
        stored(TestConfigs.aConfig("acme").onboardedAt(TestConfigs.CREATED_AT).build());
        stored(TestConfigs.aConfig("globex").active(false).build());
        features.configuration().configLoader().resolve(TenantId.of("acme"));

        ConfigStatisticsUseCase.Report report =
                features.admin().configStatistics().statistics();

        assertThat(report.configs()).isEqualTo(new ConfigStatistics(2, 1, 1, 1, 1, 2));
        assertThat(report.resolutionsBySource())
                .isEqualTo(Map.of(ValueSource.DATABASE, 8L, ValueSource.ENVIRONMENT, 0L, ValueSource.NONE, 0L));
    }

    @Test
    void the_audit_trail_is_read_newest_first_for_one_tenant_or_all_and_before_a_given_record() {
        for (String tenant : List.of("acme", "globex", "acme")) {
            store.record(AuditEntry.of(ADMIN, TenantId.of(tenant), AuditAction.SECRETS_READ));
        }

        assertThat(page(Optional.empty(), Optional.empty(), 10)).containsExactly(3L, 2L, 1L);
        assertThat(page(Optional.of(TenantId.of("acme")), Optional.empty(), 10)).containsExactly(3L, 1L);
        assertThat(page(Optional.empty(), Optional.of(3L), 1)).containsExactly(2L);
    }

    private List<Long> page(Optional<TenantId> tenant, Optional<Long> before, int limit) {
        return features.configuration().auditTrail().page(new AuditTrailUseCase.Query(tenant, before, limit)).stream()
                .map(AuditRecord::id)
                .toList();
    }
}
