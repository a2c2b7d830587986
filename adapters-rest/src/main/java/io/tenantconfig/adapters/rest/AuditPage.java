package io.tenantconfig.adapters.rest;

import io.tenantconfig.application.port.in.AuditTrailUseCase;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.domain.TenantId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;

/**
 * The page of an audit trail a caller asks for, as query parameters: at most {@code limit}
 * records (1 to 1000, 100 by default), older than record {@code before} (the previous page's
 * {@code next_before}). Shared by the tenant's history and the admins' audit trail.
 */
public final class AuditPage {

    private static final String LIMIT_RANGE = "must be between 1 and " + AuditTrailUseCase.MAX_LIMIT;

    @QueryParam("limit")
    @DefaultValue("100")
    @Min(value = 1, message = LIMIT_RANGE)
    @Max(value = AuditTrailUseCase.MAX_LIMIT, message = LIMIT_RANGE)
    private int limit;

    @QueryParam("before")
    @Min(value = 1, message = "must be a record id")
    private Long before;

    // Read by the OpenAPI description, which finds the parameters of a bean through its properties.
    public int getLimit() {
        return limit;
    }

    public Long getBefore() {
        return before;
    }

    /** The query for this page of {@code tenant}'s trail, or of every tenant's when empty. */
    AuditTrailUseCase.Query of(Optional<TenantId> tenant) {
        return new AuditTrailUseCase.Query(tenant, Optional.ofNullable(before), limit);
    }

    /** The page as the API answers it, with where the next one starts when this one is full. */
    AuditView answer(List<AuditRecord> records) {
        return AuditView.of(records, limit);
    }
}
