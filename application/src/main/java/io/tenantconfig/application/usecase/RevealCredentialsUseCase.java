package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.TenantId;

/** The loader's answer with secrets in clear, for admins and services; every such read is audited. */
public interface RevealCredentialsUseCase {

    ResolvedCredentials reveal(TenantId tenantId, Actor actor);
}
