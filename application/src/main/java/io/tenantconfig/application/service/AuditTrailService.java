package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AuditTrailUseCase;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.AuditRecord;
import java.util.List;

final class AuditTrailService implements AuditTrailUseCase {

    private final AuditLog auditLog;

    AuditTrailService(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public List<AuditRecord> page(Query query) {
        return auditLog.page(query.tenantId(), query.before(), query.limit());
    }
}
