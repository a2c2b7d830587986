package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.CapacityUpdate;
import io.tenantconfig.domain.capacity.NumberCapacity;
import java.time.Instant;
import java.util.Map;

/**
 * Each number's capacity as Meta last said it, kept with the number so that every instance answers
 * it. A change is announced like a configuration's, so the {@link NumberDirectory} of every
 * instance (which answers capacity from memory) hears of it within a second, this one's at once.
 * Capacity is no part of the configuration: writing it changes no version and is not audited.
 */
public interface NumberCapacities {

    /**
     * What a health check read from Meta at {@code at}, by number; what Meta did not say (a
     * {@code null}) stays as it was, and numbers not named keep theirs.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    void checked(TenantId tenantId, Map<MetaId, NumberCapacity> capacities, Instant at);

    /**
     * What one of Meta's webhooks about the tenant's account {@code wabaId} said at {@code at}.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    void updated(TenantId tenantId, MetaId wabaId, CapacityUpdate update, Instant at);
}
