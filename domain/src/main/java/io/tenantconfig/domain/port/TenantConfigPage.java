package io.tenantconfig.domain.port;

import io.tenantconfig.domain.TenantConfig;
import java.util.List;

/** One page of configurations and how many there are in all. */
public record TenantConfigPage(long total, List<TenantConfig> configs) {

    public TenantConfigPage {
        configs = List.copyOf(configs);
    }
}
