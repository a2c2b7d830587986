package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.port.TenantConfigStatistics;
import java.util.Map;

/** An admin sees how many configurations there are, by state, and where resolved credentials came from. */
public interface TenantConfigStatisticsUseCase {

    Report statistics();

    /** The stored configurations by state, and the loader's resolutions by source since start. */
    record Report(TenantConfigStatistics configs, Map<ValueSource, Long> resolutionsBySource) {
        public Report {
            resolutionsBySource = Map.copyOf(resolutionsBySource);
        }
    }
}
