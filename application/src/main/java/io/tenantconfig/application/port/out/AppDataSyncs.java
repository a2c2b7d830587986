package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The syncs of WhatsApp Business apps' data, shared by every instance: each is written in the
 * transaction of the signup that asked for it ({@link ConfigStore.Transaction#requestAppDataSync}),
 * claimed by one instance at a time, and kept, settled, as the outcome its number shows.
 */
public interface AppDataSyncs {

    /**
     * The sync that is due longest at {@code now}, claimed for {@code lease}: no other instance
     * takes it until it is {@link #save saved} or the lease runs out. Empty when none is due.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Optional<AppDataSync> claimDue(Instant now, Duration lease);

    /** Stores where a claimed sync stands now, and gives the claim up. */
    void save(AppDataSync sync);

    /** Forgets a sync whose number is gone: nothing is left to ask Meta for. */
    void forget(AppDataSync sync);

    /** The tenant's syncs, one per WhatsApp Business app number a signup brought. */
    List<AppDataSync> of(TenantId tenantId);
}
