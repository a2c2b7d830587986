package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Map;

/** Where the syncs of a tenant's WhatsApp Business app numbers stand, by number. */
public interface ViewAppDataSyncsUseCase {

    /** The tenant's syncs by the number they are for; empty when it has none. */
    Map<MetaId, AppDataSync> appDataSyncs(TenantId tenantId);
}
