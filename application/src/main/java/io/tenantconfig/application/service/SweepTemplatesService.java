package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SweepTemplatesUseCase;
import io.tenantconfig.application.port.out.TemplateSchedule;
import io.tenantconfig.application.port.out.TemplateSchedule.DueCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A round of the template sweep: accounts never read are enrolled (due now), the due accounts
 * this instance could lease are read one after the other, each then next due one interval later
 * spread by up to a tenth of it (so accounts read together drift apart), or after
 * {@code retryAfterFailure} when Meta failed. A read that fails on our side (the database) keeps
 * its lease until it expires, and is tried again then.
 */
final class SweepTemplatesService implements SweepTemplatesUseCase {

    private final TemplateSchedule schedule;
    private final TemplateReads reads;
    private final TemplateSyncPolicy policy;
    private final RandomGenerator random;
    private final Clock clock;

    SweepTemplatesService(
            TemplateSchedule schedule,
            TemplateReads reads,
            TemplateSyncPolicy policy,
            RandomGenerator random,
            Clock clock) {
        this.schedule = schedule;
        this.reads = reads;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Round sweepOnce(String instance) {
        Instant now = clock.instant();
        schedule.enroll(now);
        List<DueCatalogue> due = schedule.claimDue(instance, now, policy.lease(), policy.batch());
        int read = 0;
        int failed = 0;
        for (DueCatalogue catalogue : due) {
            try {
                TemplateReads.Result result = reads.read(catalogue.tenantId(), catalogue.wabaId());
                if (result == TemplateReads.Result.FAILED) {
                    failed++;
                    schedule.done(catalogue.wabaId(), instance, clock.instant().plus(policy.retryAfterFailure()));
                } else {
                    read++;
                    schedule.done(catalogue.wabaId(), instance, next());
                }
            } catch (RuntimeException e) {
                // The database failed, not Meta: the lease expires and a later round tries again.
                failed++;
            }
        }
        return new Round(due.size(), read, failed);
    }

    private Instant next() {
        long spreadMillis = (long) (policy.interval().toMillis() * 0.1 * random.nextDouble());
        return clock.instant().plus(policy.interval()).plus(Duration.ofMillis(spreadMillis));
    }
}
