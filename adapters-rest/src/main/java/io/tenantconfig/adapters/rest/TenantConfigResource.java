package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.application.usecase.AuditTrailUseCase;
import io.tenantconfig.application.usecase.ChangeActivationUseCase;
import io.tenantconfig.application.usecase.ConfigLoader;
import io.tenantconfig.application.usecase.CreateTenantConfigUseCase;
import io.tenantconfig.application.usecase.DeleteTenantConfigUseCase;
import io.tenantconfig.application.usecase.RevealCredentialsUseCase;
import io.tenantconfig.application.usecase.RevealTenantConfigUseCase;
import io.tenantconfig.application.usecase.UpdateTenantConfigUseCase;
import io.tenantconfig.application.usecase.ViewTenantConfigUseCase;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.ExpectedVersion;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The caller's own tenant configuration. The tenant is always the one in the caller's token.
 * Each method hands over to one use case and turns its result into HTTP.
 */
@Path("/api/v1/tenant/config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Tenant configuration", description = "The calling tenant's own WhatsApp credentials")
public final class TenantConfigResource {

    private final ViewTenantConfigUseCase view;
    private final RevealTenantConfigUseCase reveal;
    private final CreateTenantConfigUseCase create;
    private final UpdateTenantConfigUseCase update;
    private final ChangeActivationUseCase activation;
    private final DeleteTenantConfigUseCase delete;
    private final ConfigLoader loader;
    private final RevealCredentialsUseCase revealCredentials;
    private final AuditTrailUseCase history;

    public TenantConfigResource(ViewTenantConfigUseCase view, RevealTenantConfigUseCase reveal,
            CreateTenantConfigUseCase create, UpdateTenantConfigUseCase update, ChangeActivationUseCase activation,
            DeleteTenantConfigUseCase delete, ConfigLoader loader, RevealCredentialsUseCase revealCredentials,
            AuditTrailUseCase history) {
        this.view = view;
        this.reveal = reveal;
        this.create = create;
        this.update = update;
        this.activation = activation;
        this.delete = delete;
        this.loader = loader;
        this.revealCredentials = revealCredentials;
        this.history = history;
    }

    @GET
    @Operation(summary = "The tenant's configuration, secrets masked")
    public Response get(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return ConfigResponses.ok(view.view(caller.requireTenant()).orElseThrow(ConfigResponses::notFound));
    }

    @GET
    @Path("/full")
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The tenant's configuration with secrets in clear (admin or service role)")
    public Response getFull(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        TenantConfig config = reveal.reveal(caller.requireTenant(), caller.actor())
                .orElseThrow(ConfigResponses::notFound);
        return Response.ok(TenantConfigView.full(config))
                .tag(VersionTags.of(config.version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("/resolved")
    @Operation(summary = "The credentials the tenant should use, each with its source (database, environment, none); "
            + "secrets in clear for the admin and service roles only")
    public Response resolved(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        TenantId tenant = caller.requireTenant();
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SERVICE)) {
            return Response.ok(ResolvedView.of(revealCredentials.reveal(tenant, caller.actor()), true))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        return Response.ok(ResolvedView.of(loader.resolve(tenant), false)).build();
    }

    @GET
    @Path("/history")
    @Operation(summary = "The tenant's own audit trail, newest first: who changed or read its configuration")
    public AuditView history(@Parameter(hidden = true) @Auth CallerPrincipal caller,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be between 1 and 1000")
            @Max(value = AuditTrailUseCase.MAX_LIMIT, message = "must be between 1 and 1000") int limit,
            @QueryParam("before") @Min(value = 1, message = "must be a record id") Long before) {
        return AuditView.of(history.page(new AuditTrailUseCase.Query(Optional.of(caller.requireTenant()),
                Optional.ofNullable(before), limit)), limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the tenant's configuration (waba_id and phone_number_id required)")
    public Response create(@Parameter(hidden = true) @Auth CallerPrincipal caller, JsonNode body) {
        TenantConfig config = ConfigResponses.done(create.create(new CreateTenantConfigUseCase.Command(
                caller.requireTenant(), caller.actor(), TenantConfigRequest.read(body))), ExpectedVersion.any());
        return Response.status(Response.Status.CREATED)
                .entity(TenantConfigView.masked(config))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some fields; the others keep their values. Honours If-Match.")
    public Response update(@Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        ExpectedVersion expected = VersionTags.expected(ifMatch);
        return ConfigResponses.ok(ConfigResponses.done(update.update(new UpdateTenantConfigUseCase.Command(
                caller.requireTenant(), caller.actor(), TenantConfigRequest.read(body), expected)), expected));
    }

    @DELETE
    @Operation(summary = "Delete the tenant's configuration. Honours If-Match.")
    public Response delete(@Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ExpectedVersion expected = VersionTags.expected(ifMatch);
        ConfigResponses.done(delete.delete(
                new DeleteTenantConfigUseCase.Command(caller.requireTenant(), caller.actor(), expected)), expected);
        return Response.noContent().build();
    }

    @POST
    @Path("/activate")
    @Operation(summary = "Put the configuration back in use. Honours If-Match.")
    public Response activate(@Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ExpectedVersion expected = VersionTags.expected(ifMatch);
        return ConfigResponses.ok(ConfigResponses.done(activation.activate(
                new ChangeActivationUseCase.Command(caller.requireTenant(), caller.actor(), expected)), expected));
    }

    @POST
    @Path("/deactivate")
    @Operation(summary = "Take the configuration out of use; the loader falls back to the environment. Honours If-Match.")
    public Response deactivate(@Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ExpectedVersion expected = VersionTags.expected(ifMatch);
        return ConfigResponses.ok(ConfigResponses.done(activation.deactivate(
                new ChangeActivationUseCase.Command(caller.requireTenant(), caller.actor(), expected)), expected));
    }
}
