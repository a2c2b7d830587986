package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantConfig;
import java.util.List;

/** One page of configurations and how many there are in all. */
public record ConfigPage(long total, List<TenantConfig> configs) {

    public ConfigPage {
        configs = List.copyOf(configs);
    }
}
