package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.RevealConfigUseCase;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/** Secrets in clear, recorded as read only when there is a configuration: a 404 reveals nothing. */
final class RevealConfigService implements RevealConfigUseCase {

    private final ConfigStore store;
    private final AuditLog auditLog;

    RevealConfigService(ConfigStore store, AuditLog auditLog) {
        this.store = store;
        this.auditLog = auditLog;
    }

    @Override
    public Optional<TenantConfig> reveal(TenantId tenantId, Actor actor) {
        Optional<TenantConfig> config = store.load(tenantId);
        config.ifPresent(found ->
                AuditEntry.of(actor, new DomainEvent.SecretsRead(tenantId)).ifPresent(auditLog::record));
        return config;
    }
}
