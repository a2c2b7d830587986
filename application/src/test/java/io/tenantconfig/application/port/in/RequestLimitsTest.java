package io.tenantconfig.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bounds a request is held to before a use case runs: the REST layer answers 400 when they are crossed. */
class RequestLimitsTest {

    @Test
    void a_page_of_configurations_starts_at_0_or_later_and_holds_1_to_1000() {
        assertThat(new ListConfigsUseCase.PageRequest(0, 1)).isNotNull();
        assertThat(new ListConfigsUseCase.PageRequest(5, 1000)).isNotNull();
        assertThatThrownBy(() -> new ListConfigsUseCase.PageRequest(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skip must be 0 or more");
        assertThatThrownBy(() -> new ListConfigsUseCase.PageRequest(0, 0))
                .hasMessage("limit must be between 1 and 1000");
        assertThatThrownBy(() -> new ListConfigsUseCase.PageRequest(0, 1001))
                .hasMessage("limit must be between 1 and 1000");
    }

    @Test
    void a_page_of_the_audit_trail_holds_1_to_1000() {
        Optional<TenantId> anyTenant = Optional.empty();

        assertThat(new AuditTrailUseCase.Query(anyTenant, Optional.empty(), 1)).isNotNull();
        assertThat(new AuditTrailUseCase.Query(anyTenant, Optional.of(10L), 1000))
                .isNotNull();
        assertThatThrownBy(() -> new AuditTrailUseCase.Query(anyTenant, Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 1000");
        assertThatThrownBy(() -> new AuditTrailUseCase.Query(anyTenant, Optional.empty(), 1001))
                .hasMessage("limit must be between 1 and 1000");
    }

    @Test
    void an_expected_version_is_a_stored_version_and_matches_only_itself() {
        assertThat(ExpectedVersion.exactly(1).isSatisfiedBy(1)).isTrue();
        assertThat(ExpectedVersion.exactly(3).isSatisfiedBy(4)).isFalse();
        assertThat(ExpectedVersion.any().isSatisfiedBy(17)).isTrue();
        assertThatThrownBy(() -> ExpectedVersion.exactly(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a stored version is at least 1");
    }
}
