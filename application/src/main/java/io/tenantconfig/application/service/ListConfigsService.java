package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ListConfigsUseCase;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigPage;

final class ListConfigsService implements ListConfigsUseCase {

    private final ConfigCatalog catalog;

    ListConfigsService(ConfigCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ConfigPage list(PageRequest request) {
        return catalog.page(request.filter(), request.after(), request.skip(), request.limit());
    }
}
