package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/**
 * Reads a tenant's configuration. How much of its secrets a caller may see is decided by who the
 * caller is: the masked view for the tenant's users, the full one for admins and services.
 */
public interface ViewTenantConfigUseCase {

    Optional<TenantConfig> view(TenantId tenantId);
}
