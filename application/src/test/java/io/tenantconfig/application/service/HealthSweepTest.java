package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.SweepHealthUseCase;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep's schedule over the in-memory store: once per interval, spread, leased, on demand. */
class HealthSweepTest {

    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final Duration STEP = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaHealth meta = new ScriptedMetaHealth();
    private final HealthFeature feature = TestFeatures.over(
                    store,
                    new ScriptedMetaOnboarding(),
                    meta,
                    variable -> Optional.empty(),
                    new TestFeatures.Settings(
                            OnboardingPolicy.DEFAULT,
                            50,
                            HealthPolicy.DEFAULT,
                            new SweepPolicy(INTERVAL, 0.1, Duration.ofMinutes(5), 1_000)),
                    new ResolutionCounter(),
                    clock)
            .health();

    @BeforeEach
    void twentyTenants() {
        for (int i = 0; i < 20; i++) {
            String tenant = "tenant-" + i;
            store.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aMinimalConfig("no-token").build()));
    }

    private long inspections() {
        return meta.calls().stream().filter("inspect"::equals).count();
    }

    /** Runs a round every step for {@code span}, noting when each tenant was checked. */
    private Map<String, List<Instant>> sweepFor(Duration span, String... instances) {
        Map<String, List<Instant>> checks = new TreeMap<>();
        for (Duration done = Duration.ZERO; done.compareTo(span) < 0; done = done.plus(STEP)) {
            for (String instance : instances) {
                feature.sweepHealth().sweepOnce(instance);
            }
            for (int i = 0; i < 20; i++) {
                String tenant = "tenant-" + i;
                Instant checkedAt = feature.viewHealth()
                        .health(TenantId.of(tenant))
                        .orElseThrow()
                        .checkedAt();
                if (clock.instant().equals(checkedAt)) {
                    checks.computeIfAbsent(tenant, t -> new ArrayList<>()).add(checkedAt);
                }
            }
            clock.advance(STEP);
        }
        return checks;
    }

    @Test
    void every_tenant_with_a_token_is_checked_once_per_interval_never_twice_within_one() {
        SweepHealthUseCase.Round first = feature.sweepHealth().sweepOnce("a");

        Map<String, List<Instant>> checks = sweepFor(INTERVAL.multipliedBy(4), "a", "b");

        assertThat(first.checked())
                .as("new tenants are spread over the interval, not all checked at once")
                .isLessThan(20);
        assertThat(checks).hasSize(20);
        checks.forEach((tenant, times) -> {
            assertThat(times).as(tenant + " is checked in every interval").hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < times.size(); i++) {
                Duration between = Duration.between(times.get(i - 1), times.get(i));
                assertThat(between)
                        .as(tenant + ": never twice within one interval")
                        .isGreaterThanOrEqualTo(INTERVAL);
                assertThat(between)
                        .as(tenant + ": at most the interval, its jitter and one round later")
                        .isLessThanOrEqualTo(
                                INTERVAL.plus(INTERVAL.dividedBy(10)).plus(STEP));
            }
        });
        assertThat(feature.viewHealth()
                        .health(TenantId.of("no-token"))
                        .orElseThrow()
                        .checkedAt())
                .as("nothing to check without a token")
                .isNull();
    }

    @Test
    void a_dead_instances_leases_are_picked_up_when_they_expire() {
        for (int i = 0; i < 20; i++) {
            store.dueNow(TenantId.of("tenant-" + i), clock.instant());
        }
        int leasedByTheDead = store.claimDue("dead", clock.instant(), Duration.ofMinutes(5), 1_000)
                .size();

        int whileLeased = feature.sweepHealth().sweepOnce("a").checked();
        clock.advance(Duration.ofMinutes(6));
        int afterExpiry = feature.sweepHealth().sweepOnce("a").checked()
                + feature.sweepHealth().sweepOnce("b").checked();

        assertThat(leasedByTheDead).isEqualTo(20);
        assertThat(whileLeased).isZero();
        assertThat(afterExpiry).isEqualTo(20);
        assertThat(inspections()).isEqualTo(20);
    }

    @Test
    void a_reported_failure_makes_its_tenant_due_for_the_next_round() {
        sweepFor(INTERVAL, "a");

        Optional<TenantId> reported =
                feature.reportFailure().report(MetaId.parse(TestConfigs.phoneNumberIdOf("tenant-3")), 190, 463);
        feature.sweepHealth().sweepOnce("a");

        assertThat(reported).contains(TenantId.of("tenant-3"));
        assertThat(feature.viewHealth()
                        .health(TenantId.of("tenant-3"))
                        .orElseThrow()
                        .checkedAt())
                .isEqualTo(clock.instant());
        assertThat(feature.reportFailure().report(MetaId.parse("1"), 190, null)).isEmpty();
    }

    @Test
    void a_round_counts_the_checks_made_and_the_ones_that_failed_on_our_side() {
        store.dueNow(TenantId.of("tenant-1"), clock.instant());
        store.dueNow(TenantId.of("tenant-2"), clock.instant());
        store.failNextLoad(new StoreUnavailableException("the database is unavailable", null));

        SweepHealthUseCase.Round round = feature.sweepHealth().sweepOnce("a");

        assertThat(round).isEqualTo(new SweepHealthUseCase.Round(2, 1, 1));
    }

    @Test
    void a_check_that_fails_on_our_side_is_counted_and_keeps_its_lease() {
        store.dueNow(TenantId.of("tenant-1"), clock.instant());
        store.failNextLoad(new StoreUnavailableException("the database is unavailable", null));

        SweepHealthUseCase.Round round = feature.sweepHealth().sweepOnce("a");

        assertThat(round.leased()).isEqualTo(1);
        assertThat(round.checked()).isZero();
        assertThat(round.failed()).isEqualTo(1);
        assertThat(feature.sweepHealth().sweepOnce("b").leased())
                .as("still leased to a")
                .isZero();
    }

    @Test
    void the_sweep_policy_refuses_jitter_outside_the_interval_and_an_empty_batch() {
        assertThat(new SweepPolicy(INTERVAL, 0, Duration.ofMinutes(5), 1).batch())
                .isEqualTo(1);
        assertThat(new SweepPolicy(INTERVAL, 1, Duration.ofMinutes(5), 1).jitter())
                .isEqualTo(1.0);
        for (double jitter : new double[] {-0.01, 1.01}) {
            assertThatThrownBy(() -> new SweepPolicy(INTERVAL, jitter, Duration.ofMinutes(5), 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new SweepPolicy(INTERVAL, 0.1, Duration.ofMinutes(5), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new HealthPolicy(Duration.ofDays(7), Duration.ofDays(7), 1, Duration.ZERO).refreshAttempts())
                .isEqualTo(1);
        assertThatThrownBy(() -> new HealthPolicy(Duration.ofDays(7), Duration.ofDays(7), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
