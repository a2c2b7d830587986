package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.application.port.in.AuditTrailUseCase;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** The caller's tenant's own audit trail: who changed or read its configuration. */
@Path("/api/v1/tenant/config/history")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Tenant configuration", description = "The calling tenant's own WhatsApp credentials")
public final class HistoryResource {

    private final AuditTrailUseCase auditTrail;

    public HistoryResource(AuditTrailUseCase auditTrail) {
        this.auditTrail = auditTrail;
    }

    @GET
    @Operation(summary = "The tenant's own audit trail, newest first: who changed or read its configuration")
    public AuditView history(@Parameter(hidden = true) @Auth CallerPrincipal caller, @Valid @BeanParam AuditPage page) {
        return page.answer(auditTrail.page(page.of(Optional.of(caller.requireTenant()))));
    }
}
