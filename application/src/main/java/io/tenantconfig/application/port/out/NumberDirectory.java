package io.tenantconfig.application.port.out;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.domain.MetaId;
import java.util.Optional;

/**
 * Which tenant a phone number or WhatsApp Business Account belongs to. Asked for every inbound
 * webhook, so it answers from memory, unknown ids included, and hears of every committed change
 * (on any instance) within a second.
 */
public interface NumberDirectory {

    /** @throws StoreUnavailableException when it has to ask the database and cannot */
    Optional<NumberOwner> ownerOfNumber(MetaId phoneNumberId);

    /** @throws StoreUnavailableException when it has to ask the database and cannot */
    Optional<NumberOwner> ownerOfAccount(MetaId wabaId);
}
