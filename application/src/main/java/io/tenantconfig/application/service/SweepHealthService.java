package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.SweepHealthUseCase;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * A sweep round: the due tenants this instance could lease are checked side by side on
 * {@code checks} (Meta's rate is held by the adapter's throttle), each scheduled one interval
 * (plus jitter) after its check. A tenant whose check failed on our side keeps its lease until it
 * expires, and is picked up again then.
 */
final class SweepHealthService implements SweepHealthUseCase {

    private final HealthSchedule schedule;
    private final CheckHealthUseCase checkHealth;
    private final SweepPolicy policy;
    private final Executor checks;
    private final RandomGenerator random;
    private final Clock clock;

    SweepHealthService(
            HealthSchedule schedule,
            CheckHealthUseCase checkHealth,
            SweepPolicy policy,
            Executor checks,
            RandomGenerator random,
            Clock clock) {
        this.schedule = schedule;
        this.checkHealth = checkHealth;
        this.policy = policy;
        this.checks = checks;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Round sweepOnce(String instance) {
        Instant now = clock.instant();
        schedule.enroll(now, policy.interval());
        List<TenantId> due = schedule.claimDue(instance, now, policy.lease(), policy.batch());
        List<CompletableFuture<Boolean>> running = new ArrayList<>();
        for (TenantId tenant : due) {
            running.add(CompletableFuture.supplyAsync(() -> check(tenant, instance), checks));
        }
        int checked = (int) running.stream()
                .map(CompletableFuture::join)
                .filter(Boolean::booleanValue)
                .count();
        return new Round(due.size(), checked, due.size() - checked);
    }

    private boolean check(TenantId tenant, String instance) {
        try {
            checkHealth.check(tenant);
            schedule.checked(tenant, instance, next());
            return true;
        } catch (RuntimeException e) {
            // The database or the throttle failed, not Meta (Meta's failures are a result): the
            // lease expires and another round tries again.
            return false;
        }
    }

    private Instant next() {
        long jitterMillis = (long) (policy.interval().toMillis() * policy.jitter() * random.nextDouble());
        return clock.instant().plus(policy.interval()).plus(Duration.ofMillis(jitterMillis));
    }
}
