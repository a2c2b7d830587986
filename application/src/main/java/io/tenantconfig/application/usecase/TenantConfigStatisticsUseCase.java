package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.port.TenantConfigStatistics;

/** An admin sees how many configurations there are, by state. */
public interface TenantConfigStatisticsUseCase {

    TenantConfigStatistics statistics();
}
