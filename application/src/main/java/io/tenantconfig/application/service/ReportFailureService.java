package io.tenantconfig.application.service;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.in.ReportFailureUseCase;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.util.Optional;

final class ReportFailureService implements ReportFailureUseCase {

    private final NumberDirectory directory;
    private final HealthSchedule schedule;
    private final Clock clock;

    ReportFailureService(NumberDirectory directory, HealthSchedule schedule, Clock clock) {
        this.directory = directory;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public Optional<TenantId> report(MetaId phoneNumberId, int code, Integer subcode) {
        Optional<TenantId> tenant = directory.ownerOfNumber(phoneNumberId).map(NumberOwner::tenantId);
        tenant.ifPresent(owner -> schedule.dueNow(owner, clock.instant()));
        return tenant;
    }
}
