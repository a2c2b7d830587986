package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ConfigStatisticsUseCase;
import io.tenantconfig.application.port.in.DeleteAllConfigsUseCase;
import io.tenantconfig.application.port.in.ListConfigsUseCase;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.SignupSessions;
import java.time.Clock;

/**
 * What only admins do across tenants: list the configurations, read the statistics (with the
 * loader's answers, the events' backlog and the signups of the last 30 days), delete every
 * configuration.
 */
public final class AdminFeature {

    private final ListConfigsUseCase listConfigs;
    private final ConfigStatisticsUseCase configStatistics;
    private final DeleteAllConfigsUseCase deleteAllConfigs;

    /** @param resolutions the loader's answers by source, as {@link ConfigurationFeature}'s loader counts them */
    public AdminFeature(
            ConfigStore store,
            ConfigCatalog catalog,
            EventOutbox outbox,
            SignupSessions sessions,
            ResolutionCounter resolutions,
            Clock clock) {
        this.listConfigs = new ListConfigsService(catalog);
        this.configStatistics = new ConfigStatisticsService(catalog, resolutions, outbox, sessions, clock);
        this.deleteAllConfigs = new DeleteAllConfigsService(store);
    }

    public ListConfigsUseCase listConfigs() {
        return listConfigs;
    }

    public ConfigStatisticsUseCase configStatistics() {
        return configStatistics;
    }

    public DeleteAllConfigsUseCase deleteAllConfigs() {
        return deleteAllConfigs;
    }
}
