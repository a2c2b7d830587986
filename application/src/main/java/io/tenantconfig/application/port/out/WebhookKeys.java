package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/**
 * The unguessable key in each tenant's webhook callback URL, assigned when its configuration is
 * first stored. Asked for every webhook Meta sends to a tenant's URL, so it answers from memory.
 */
public interface WebhookKeys {

    /** @throws StoreUnavailableException when it has to ask the database and cannot */
    Optional<TenantId> tenantOfKey(String key);

    /** @throws StoreUnavailableException when it has to ask the database and cannot */
    Optional<String> keyOf(TenantId tenantId);
}
