package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Map;
import java.util.Optional;

/**
 * What one tenant owns: its account, its numbers (each in use or not) and its default number,
 * whether its configuration is in service, and the key of its webhook URL. The unit the directory
 * reads and replaces.
 */
record Ownership(
        TenantId tenantId,
        boolean active,
        MetaId wabaId,
        MetaId defaultNumber,
        Map<MetaId, Boolean> numbers,
        String webhookKey) {

    Ownership {
        numbers = Map.copyOf(numbers);
    }

    Optional<NumberOwner> ofNumber(MetaId phoneNumberId) {
        Boolean numberActive = numbers.get(phoneNumberId);
        return numberActive == null
                ? Optional.empty()
                : Optional.of(new NumberOwner(tenantId, active && numberActive, wabaId, phoneNumberId));
    }

    NumberOwner ofAccount() {
        return new NumberOwner(tenantId, active, wabaId, defaultNumber);
    }
}
