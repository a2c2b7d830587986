package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SyncAppDataUseCase;
import io.tenantconfig.application.port.in.ViewAppDataSyncsUseCase;
import io.tenantconfig.application.port.out.AppDataSyncs;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaAppData;
import java.time.Clock;

/**
 * WhatsApp Business app numbers served alongside the app (coexistence): the sync of the app's
 * contacts and history that each signup asks for, made and retried by the service within Meta's
 * window, and shown on the number.
 */
public final class CoexistenceFeature {

    private final SyncAppDataUseCase syncAppData;
    private final ViewAppDataSyncsUseCase viewAppDataSyncs;

    public CoexistenceFeature(
            AppDataSyncs syncs, ConfigStore store, MetaAppData meta, AppDataSyncPolicy policy, Clock clock) {
        this.syncAppData = new SyncAppDataService(syncs, store, meta, policy, clock);
        this.viewAppDataSyncs = new ViewAppDataSyncsService(syncs);
    }

    public SyncAppDataUseCase syncAppData() {
        return syncAppData;
    }

    public ViewAppDataSyncsUseCase viewAppDataSyncs() {
        return viewAppDataSyncs;
    }
}
