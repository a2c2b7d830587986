package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/**
 * The platform's sending code met a Meta error on one of a tenant's numbers: that tenant is made
 * due at once, so the next sweep round (seconds away, on any instance) checks it.
 */
public interface ReportFailureUseCase {

    /**
     * @param code and {@code subcode}: Meta's error, as the sender received it
     * @return the tenant scheduled, or empty when nobody owns the number
     */
    Optional<TenantId> report(MetaId phoneNumberId, int code, Integer subcode);
}
