package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.TenantId;

/** The loader's answer with secrets in clear, for admins and services; every such read is audited. */
public interface RevealCredentialsUseCase {

    ResolvedCredentials reveal(TenantId tenantId, Actor actor);
}
