package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.ReportFailureUseCase;
import io.tenantconfig.application.port.in.SweepHealthUseCase;
import io.tenantconfig.application.port.in.ViewHealthUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.application.port.out.NumberCapacities;
import io.tenantconfig.application.port.out.NumberDirectory;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * A tenant's WhatsApp health: its token and numbers checked with Meta (on demand, and by the
 * sweep that checks every tenant once per interval), the result viewed, and a failure another
 * service reports for a number scheduling its tenant's next check sooner.
 */
public final class HealthFeature {

    private final CheckHealthUseCase checkHealth;
    private final ViewHealthUseCase viewHealth;
    private final SweepHealthUseCase sweepHealth;
    private final ReportFailureUseCase reportFailure;

    /**
     * @param capacities where each check keeps what Meta said of each number's capacity
     * @param checks where the health checks of a sweep round run, side by side
     * @param random spreads the tenants over the sweep's interval
     */
    public HealthFeature(
            ConfigStore store,
            HealthStore healthStore,
            HealthSchedule schedule,
            MetaHealth meta,
            NumberCapacities capacities,
            NumberDirectory directory,
            HealthPolicy policy,
            SweepPolicy sweep,
            Executor checks,
            RandomGenerator random,
            Clock clock) {
        this.checkHealth =
                new CheckHealthService(store, healthStore, meta, capacities, new LockedWrite(store), policy, clock);
        this.viewHealth = new ViewHealthService(healthStore);
        this.sweepHealth = new SweepHealthService(schedule, checkHealth, sweep, checks, random, clock);
        this.reportFailure = new ReportFailureService(directory, schedule, clock);
    }

    public CheckHealthUseCase checkHealth() {
        return checkHealth;
    }

    public ViewHealthUseCase viewHealth() {
        return viewHealth;
    }

    public SweepHealthUseCase sweepHealth() {
        return sweepHealth;
    }

    public ReportFailureUseCase reportFailure() {
        return reportFailure;
    }
}
