package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.RevealCredentialsUseCase;
import io.tenantconfig.domain.TenantId;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What the ConfigLoader answers for the caller's tenant: each credential and where it came from. */
@Path("/api/v1/tenant/config/resolved")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Tenant configuration", description = "The calling tenant's own WhatsApp credentials")
public final class ResolvedConfigResource {

    private final ConfigLoader configLoader;
    private final RevealCredentialsUseCase revealCredentials;

    public ResolvedConfigResource(ConfigLoader configLoader, RevealCredentialsUseCase revealCredentials) {
        this.configLoader = configLoader;
        this.revealCredentials = revealCredentials;
    }

    @GET
    @Operation(
            summary = "The credentials the tenant should use, each with its source (database, environment, none); "
                    + "secrets in clear for the admin and service roles only")
    public Response resolved(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        TenantId tenant = caller.requireTenant();
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SERVICE)) {
            return Response.ok(ResolvedView.of(revealCredentials.reveal(tenant, caller.actor()), true))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        return Response.ok(ResolvedView.of(configLoader.resolve(tenant), false)).build();
    }
}
