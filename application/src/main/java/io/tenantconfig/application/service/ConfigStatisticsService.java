package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ConfigStatisticsUseCase;
import io.tenantconfig.application.port.out.ConfigCatalog;

final class ConfigStatisticsService implements ConfigStatisticsUseCase {

    private final ConfigCatalog catalog;
    private final ResolutionCounter resolutions;

    ConfigStatisticsService(ConfigCatalog catalog, ResolutionCounter resolutions) {
        this.catalog = catalog;
        this.resolutions = resolutions;
    }

    @Override
    public Report statistics() {
        return new Report(catalog.statistics(), resolutions.snapshot());
    }
}
