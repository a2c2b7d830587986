package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of configurations, how many there are in all, and, when more follow, the id to page
 * on from ({@code after}).
 */
public record ConfigPage(long total, List<TenantConfig> configs, Optional<Long> next) {

    public ConfigPage {
        configs = List.copyOf(configs);
        Objects.requireNonNull(next, "next");
    }
}
