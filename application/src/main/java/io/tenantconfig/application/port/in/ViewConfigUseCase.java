package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/** A tenant reads its configuration (shown with secrets masked). */
public interface ViewConfigUseCase {

    Optional<TenantConfig> view(TenantId tenantId);
}
