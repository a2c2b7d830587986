package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/** The loader's answer with secrets in clear, for admins and services; every such read is audited. */
public interface RevealCredentialsUseCase {

    ResolvedCredentials reveal(TenantId tenantId, Actor actor);

    /** For one of the tenant's numbers; empty (and nothing read or recorded) when it has no such number. */
    Optional<ResolvedCredentials> reveal(TenantId tenantId, MetaId phoneNumberId, Actor actor);

    /** As {@link ConfigLoader#resolveAccount}, secrets in clear, the read audited. */
    Optional<ResolvedCredentials> revealAccount(TenantId tenantId, MetaId wabaId, Actor actor);
}
