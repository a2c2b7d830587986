package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ViewTemplatesUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.TemplateCatalogues;
import io.tenantconfig.application.port.out.TemplateCatalogues.AccountTemplate;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplateQuery;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.util.List;
import java.util.Optional;

/** The tenant's stored catalogue, paged, with each account's last read; never asks Meta. */
final class ViewTemplatesService implements ViewTemplatesUseCase {

    private final ConfigStore store;
    private final TemplateCatalogues catalogues;

    ViewTemplatesService(ConfigStore store, TemplateCatalogues catalogues) {
        this.store = store;
        this.catalogues = catalogues;
    }

    @Override
    public Optional<Catalogue> templates(TenantId tenantId, TemplateQuery query) {
        if (store.load(tenantId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Catalogue(catalogues.page(tenantId, query), catalogues.reads(tenantId)));
    }

    @Override
    public List<AccountTemplate> template(TenantId tenantId, Template.Key key) {
        return catalogues.find(tenantId, key);
    }
}
