package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.RevealCredentialsUseCase;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/**
 * The loader's answer in clear. Recorded even when the tenant has no configuration: the
 * platform's fallback secrets are then what is shown in clear.
 */
final class RevealCredentialsService implements RevealCredentialsUseCase {

    private final ConfigLoader loader;
    private final AuditLog auditLog;

    RevealCredentialsService(ConfigLoader loader, AuditLog auditLog) {
        this.loader = loader;
        this.auditLog = auditLog;
    }

    @Override
    public ResolvedCredentials reveal(TenantId tenantId, Actor actor) {
        ResolvedCredentials credentials = loader.resolve(tenantId);
        auditLog.record(AuditEntry.of(actor, tenantId, AuditAction.SECRETS_READ));
        return credentials;
    }

    @Override
    public Optional<ResolvedCredentials> reveal(TenantId tenantId, MetaId phoneNumberId, Actor actor) {
        Optional<ResolvedCredentials> credentials = loader.resolve(tenantId, phoneNumberId);
        credentials.ifPresent(found -> auditLog.record(AuditEntry.of(actor, tenantId, AuditAction.SECRETS_READ)));
        return credentials;
    }
}
