package io.tenantconfig.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.domain.health.HealthReason.Code;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A health's state follows from its reasons: it is never given, so it cannot disagree with them. */
class HealthTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static Health checked(Code... codes) {
        List<HealthReason> reasons =
                Arrays.stream(codes).map(code -> new HealthReason(code, "why")).toList();
        return new Health(reasons, NOW, null, List.of(), null, null);
    }

    @Test
    void the_worst_reason_wins_and_the_reasons_are_kept_worst_first() {
        Health health = checked(Code.TOKEN_EXPIRING, Code.NUMBER_QUALITY_RED, Code.TOKEN_INVALID);

        assertThat(health.state()).isEqualTo(HealthState.INVALID);
        assertThat(health.reasons())
                .extracting(HealthReason::code)
                .containsExactly(Code.TOKEN_INVALID, Code.NUMBER_QUALITY_RED, Code.TOKEN_EXPIRING);
    }

    @Test
    void without_a_reason_a_check_that_reached_meta_is_healthy_and_one_never_made_unknown() {
        assertThat(checked().state()).isEqualTo(HealthState.HEALTHY);
        assertThat(Health.NEVER_CHECKED.state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(Health.NEVER_CHECKED.unreachable(NOW, "timeout").state()).isEqualTo(HealthState.UNKNOWN);
    }

    @Test
    void reasons_found_beside_a_check_join_its_own_in_order_and_can_make_it_worse() {
        Health health =
                checked(Code.NUMBER_QUALITY_RED).with(List.of(new HealthReason(Code.TOKEN_REFRESH_FAILED, "r")));

        assertThat(health.state()).isEqualTo(HealthState.NUMBER_PROBLEM);
        assertThat(health.reasons())
                .extracting(HealthReason::code)
                .containsExactly(Code.NUMBER_QUALITY_RED, Code.TOKEN_REFRESH_FAILED);
        assertThat(checked().with(List.of())).isEqualTo(checked());
    }

    @Test
    void each_code_implies_one_state_and_only_the_account_codes_come_from_the_standing() {
        assertThat(Code.NO_TOKEN.state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(Code.ACCOUNT_DISCONNECTED.state()).isEqualTo(HealthState.DISABLED);
        assertThat(List.of(Code.values()))
                .filteredOn(Code::fromStanding)
                .containsExactly(
                        Code.ACCOUNT_RESTRICTED,
                        Code.ACCOUNT_DISCONNECTED,
                        Code.ACCOUNT_DISABLED,
                        Code.ACCOUNT_DELETED);
    }
}
