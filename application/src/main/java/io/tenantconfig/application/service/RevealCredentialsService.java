package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.RevealCredentialsUseCase;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

/**
 * The loader's answer in clear. Recorded even when the tenant has no configuration: the
 * platform's fallback secrets are then what is shown in clear.
 *
 * <p>While the database cannot be reached the answer is the last known one, marked stale (message
 * sending goes on), and the audit trail cannot be written: the read is then recorded in the log
 * instead, as a warning with the same facts, so a reveal never goes unrecorded.
 */
final class RevealCredentialsService implements RevealCredentialsUseCase {

    private static final System.Logger LOG = System.getLogger(RevealCredentialsService.class.getName());

    private final ConfigLoader loader;
    private final AuditLog auditLog;

    RevealCredentialsService(ConfigLoader loader, AuditLog auditLog) {
        this.loader = loader;
        this.auditLog = auditLog;
    }

    @Override
    public ResolvedCredentials reveal(TenantId tenantId, Actor actor) {
        ResolvedCredentials credentials = loader.resolve(tenantId);
        recordRead(credentials, actor);
        return credentials;
    }

    @Override
    public Optional<ResolvedCredentials> reveal(TenantId tenantId, MetaId phoneNumberId, Actor actor) {
        Optional<ResolvedCredentials> credentials = loader.resolve(tenantId, phoneNumberId);
        credentials.ifPresent(found -> recordRead(found, actor));
        return credentials;
    }

    @Override
    public Optional<ResolvedCredentials> revealAccount(TenantId tenantId, MetaId wabaId, Actor actor) {
        Optional<ResolvedCredentials> credentials = loader.resolveAccount(tenantId, wabaId);
        credentials.ifPresent(found -> recordRead(found, actor));
        return credentials;
    }

    private void recordRead(ResolvedCredentials credentials, Actor actor) {
        AuditEntry read = AuditEntry.of(actor, new DomainEvent.SecretsRead(credentials.tenantId()))
                .orElseThrow();
        if (!credentials.isStale()) {
            auditLog.record(read);
            return;
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "Audit, kept in the log because the database cannot be reached: {0} by {1} (request {2}, from {3})"
                        + " of tenant {4}, answered from memory, stale since {5}",
                read.action(),
                actor.subject(),
                actor.requestId(),
                actor.clientAddress(),
                credentials.tenantId().value(),
                credentials.staleSince().orElseThrow());
    }
}
