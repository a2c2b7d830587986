package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.DeleteAllConfigsUseCase.Command;
import io.tenantconfig.application.port.in.DeleteAllConfigsUseCase.Result;
import io.tenantconfig.application.port.out.AuditAction;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeleteAllConfigsTest {

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final AdminFeature admin = TestFeatures.over(
                    store,
                    new ScriptedMetaOnboarding(),
                    variable -> Optional.empty(),
                    OnboardingPolicy.DEFAULT,
                    new ResolutionCounter(),
                    Clock.systemUTC())
            .admin();

    DeleteAllConfigsTest() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("globex").build()));
    }

    @Test
    void the_exact_confirmation_deletes_every_config_and_records_it() {
        Result result =
                admin.deleteAllConfigs().deleteAll(new Command(new Actor("root"), "DELETE_ALL_CONFIGS_PERMANENTLY"));

        assertThat(result).isEqualTo(new Result.Deleted(2));
        assertThat(store.statistics().total()).isZero();
        assertThat(store.auditTrail()).singleElement().satisfies(r -> {
            assertThat(r.entry().action()).isEqualTo(AuditAction.DELETE_ALL);
            assertThat(r.entry().tenantId()).isNull();
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"yes", "delete_all_configs_permanently", "DELETE_ALL_CONFIGS_PERMANENTLY ", "DELETE_ALL"})
    void anything_but_the_exact_confirmation_deletes_nothing(String confirmation) {
        Result result = admin.deleteAllConfigs().deleteAll(new Command(new Actor("root"), confirmation));

        assertThat(result).isInstanceOf(Result.NotConfirmed.class);
        assertThat(store.statistics().total()).isEqualTo(2);
        assertThat(store.auditTrail()).isEmpty();
    }
}
