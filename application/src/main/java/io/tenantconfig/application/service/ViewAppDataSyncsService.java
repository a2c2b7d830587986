package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ViewAppDataSyncsUseCase;
import io.tenantconfig.application.port.out.AppDataSyncs;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;

final class ViewAppDataSyncsService implements ViewAppDataSyncsUseCase {

    private final AppDataSyncs syncs;

    ViewAppDataSyncsService(AppDataSyncs syncs) {
        this.syncs = syncs;
    }

    @Override
    public Map<MetaId, AppDataSync> appDataSyncs(TenantId tenantId) {
        Map<MetaId, AppDataSync> byNumber = new LinkedHashMap<>();
        syncs.of(tenantId).forEach(sync -> byNumber.put(sync.phoneNumberId(), sync));
        return byNumber;
    }
}
