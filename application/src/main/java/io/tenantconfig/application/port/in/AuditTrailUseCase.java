package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Pages through the audit trail, newest first: all tenants' (admins) or one tenant's own (its history). */
public interface AuditTrailUseCase {

    int MAX_LIMIT = 1000;

    List<AuditRecord> page(Query query);

    /** {@code before}: only records with a smaller id (the previous page's last); limit 1 to 1000. */
    record Query(Optional<TenantId> tenantId, Optional<Long> before, int limit) {
        public Query {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(before, "before");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }
}
