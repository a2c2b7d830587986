package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.fixtures.InMemoryTenantConfigRepository;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.Actor;
import io.tenantconfig.application.usecase.DeleteAllTenantConfigsUseCase.Command;
import io.tenantconfig.application.usecase.DeleteAllTenantConfigsUseCase.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeleteAllTenantConfigsServiceTest {

    private final InMemoryTenantConfigRepository repository = new InMemoryTenantConfigRepository();
    private final DeleteAllTenantConfigsService service = new DeleteAllTenantConfigsService(repository);

    DeleteAllTenantConfigsServiceTest() {
        repository.insert(TestConfigs.aConfig("acme").build());
        repository.insert(TestConfigs.aConfig("globex").build());
    }

    @Test
    void the_exact_confirmation_deletes_every_config() {
        Result result = service.deleteAll(new Command(new Actor("root"), "DELETE_ALL_CONFIGS_PERMANENTLY"));

        assertThat(result).isEqualTo(new Result.Deleted(2));
        assertThat(repository.statistics().total()).isZero();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"yes", "delete_all_configs_permanently", "DELETE_ALL_CONFIGS_PERMANENTLY ", "DELETE_ALL"})
    void anything_but_the_exact_confirmation_deletes_nothing(String confirmation) {
        Result result = service.deleteAll(new Command(new Actor("root"), confirmation));

        assertThat(result).isInstanceOf(Result.NotConfirmed.class);
        assertThat(repository.statistics().total()).isEqualTo(2);
    }
}
