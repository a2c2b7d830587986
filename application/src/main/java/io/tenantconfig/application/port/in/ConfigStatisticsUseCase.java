package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.ConfigStatistics;
import java.util.Map;

/** An admin sees how many configurations there are, by state, and where resolved credentials came from. */
public interface ConfigStatisticsUseCase {

    Report statistics();

    /** The stored configurations by state, and the loader's resolutions by source since start. */
    record Report(ConfigStatistics configs, Map<ValueSource, Long> resolutionsBySource) {
        public Report {
            resolutionsBySource = Map.copyOf(resolutionsBySource);
        }
    }
}
