package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/** Reads a tenant's configuration with its secrets in clear, for admins and trusted services. */
public interface RevealTenantConfigUseCase {

    Optional<TenantConfig> reveal(TenantId tenantId, Actor actor);
}
