package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.RevealCredentialsUseCase;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * What the ConfigLoader answers for the caller's tenant, for its default number or one it names:
 * each credential and where it came from.
 */
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
    public Response resolved(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @Parameter(description = "One of the tenant's numbers; the default number when left out")
                    @QueryParam("phone_number_id")
                    String phoneNumberId) {
        TenantId tenant = caller.requireTenant();
        Optional<MetaId> number = numberOf(phoneNumberId);
        boolean reveal = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SERVICE);
        ResolvedCredentials credentials = number.isEmpty()
                ? (reveal ? revealCredentials.reveal(tenant, caller.actor()) : configLoader.resolve(tenant))
                : (reveal
                                ? revealCredentials.reveal(tenant, number.get(), caller.actor())
                                : configLoader.resolve(tenant, number.get()))
                        .orElseThrow(() -> new ApiException(
                                404, "The tenant has no active configuration with the phone number " + number.get()));
        Response.ResponseBuilder answer = Response.ok(ResolvedView.of(credentials, reveal));
        return reveal ? answer.header(HttpHeaders.CACHE_CONTROL, "no-store").build() : answer.build();
    }

    private static Optional<MetaId> numberOf(String phoneNumberId) {
        if (phoneNumberId == null) {
            return Optional.empty();
        }
        return Optional.of(Parameters.required("phone_number_id", phoneNumberId, MetaId::parse));
    }
}
