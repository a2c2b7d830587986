package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SyncTemplatesUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.TemplateCatalogues;
import io.tenantconfig.application.port.out.TemplateCatalogues.CatalogueRead;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The on-demand sync: each of the tenant's accounts with an id and a token read now, one after
 * the other, outside the schedule (an account's next scheduled read stays as it was); the answer
 * is each account's catalogue state after it.
 */
final class SyncTemplatesService implements SyncTemplatesUseCase {

    private final ConfigStore store;
    private final TemplateReads reads;
    private final TemplateCatalogues catalogues;

    SyncTemplatesService(ConfigStore store, TemplateReads reads, TemplateCatalogues catalogues) {
        this.store = store;
        this.reads = reads;
        this.catalogues = catalogues;
    }

    @Override
    public Optional<List<CatalogueRead>> sync(TenantId tenantId) {
        Optional<TenantConfig> config = store.load(tenantId);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        for (MetaId wabaId : TemplateReads.readable(config.get())) {
            reads.read(tenantId, wabaId);
        }
        return Optional.of(catalogues.reads(tenantId));
    }
}
