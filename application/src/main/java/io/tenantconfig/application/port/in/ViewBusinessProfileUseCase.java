package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;

/**
 * A tenant's number's business profile, read through to Meta and kept; while Meta does not answer,
 * the one kept from its last answer, saying when that was.
 */
public interface ViewBusinessProfileUseCase {

    ProfileResult view(TenantId tenantId, MetaId phoneNumberId);
}
