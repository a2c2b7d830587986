package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.TemplateCatalogues.CatalogueRead;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Reads the tenant's accounts' templates from Meta now ({@code POST /config/templates/sync}).
 * An account Meta does not answer for keeps its last catalogue; the answer says so.
 */
public interface SyncTemplatesUseCase {

    /** Each account's catalogue after the read; empty when the tenant has no configuration. */
    Optional<List<CatalogueRead>> sync(TenantId tenantId);
}
