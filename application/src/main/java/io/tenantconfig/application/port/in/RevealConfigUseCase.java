package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/** An admin or a trusted service reads a tenant's configuration with its secrets in clear; each read is audited. */
public interface RevealConfigUseCase {

    Optional<TenantConfig> reveal(TenantId tenantId, Actor actor);
}
