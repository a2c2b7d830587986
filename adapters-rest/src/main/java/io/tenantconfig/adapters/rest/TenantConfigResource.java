package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.application.port.in.ChangeSettingsUseCase;
import io.tenantconfig.application.port.in.CreateConfigUseCase;
import io.tenantconfig.application.port.in.DeleteConfigUseCase;
import io.tenantconfig.application.port.in.RevealConfigUseCase;
import io.tenantconfig.application.port.in.SwitchActivationUseCase;
import io.tenantconfig.application.port.in.SwitchActivationUseCase.Activation;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.domain.TenantConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's own tenant configuration. The tenant is always the one in the caller's token.
 * Each method hands over to one use case and turns its result into HTTP.
 */
@Path("/api/v1/tenant/config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Tenant configuration", description = "The calling tenant's own WhatsApp credentials")
public final class TenantConfigResource {

    private final ViewConfigUseCase viewConfig;
    private final RevealConfigUseCase revealConfig;
    private final CreateConfigUseCase createConfig;
    private final ChangeSettingsUseCase changeSettings;
    private final SwitchActivationUseCase switchActivation;
    private final DeleteConfigUseCase deleteConfig;

    public TenantConfigResource(
            ViewConfigUseCase viewConfig,
            RevealConfigUseCase revealConfig,
            CreateConfigUseCase createConfig,
            ChangeSettingsUseCase changeSettings,
            SwitchActivationUseCase switchActivation,
            DeleteConfigUseCase deleteConfig) {
        this.viewConfig = viewConfig;
        this.revealConfig = revealConfig;
        this.createConfig = createConfig;
        this.changeSettings = changeSettings;
        this.switchActivation = switchActivation;
        this.deleteConfig = deleteConfig;
    }

    @GET
    @Operation(summary = "The tenant's configuration, secrets masked")
    public Response get(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return ConfigResponses.ok(viewConfig.view(caller.requireTenant()).orElseThrow(ConfigResponses::notFound));
    }

    @GET
    @Path("/full")
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The tenant's configuration with secrets in clear (admin or service role)")
    public Response getFull(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        TenantConfig config =
                revealConfig.reveal(caller.requireTenant(), caller.actor()).orElseThrow(ConfigResponses::notFound);
        return Response.ok(TenantConfigView.full(config))
                .tag(VersionTags.of(config.version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the tenant's configuration; every field is optional ({} included)")
    public Response create(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) ConfigRequest body) {
        TenantConfig config = createConfig
                .create(new CreateConfigUseCase.Command(caller.requireTenant(), caller.actor(), body.toChanges()))
                .match(
                        created -> created,
                        () -> {
                            throw new ApiException(409, ConfigResponses.ALREADY_EXISTS);
                        },
                        refusal -> {
                            throw ConfigResponses.refused(refusal);
                        });
        return Response.status(Response.Status.CREATED)
                .entity(TenantConfigView.masked(config))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some fields; the others keep their values. Honours If-Match.")
    public Response update(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) ConfigRequest body) {
        return ConfigResponses.ok(
                ConfigResponses.written(changeSettings.changeSettings(new ChangeSettingsUseCase.Command(
                        caller.requireTenant(), caller.actor(), body.toChanges(), VersionTags.expected(ifMatch)))));
    }

    @DELETE
    @Operation(summary = "Delete the tenant's configuration. Honours If-Match.")
    public Response delete(
            @Parameter(hidden = true) @Auth CallerPrincipal caller, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ConfigResponses.written(deleteConfig.delete(new DeleteConfigUseCase.Command(
                caller.requireTenant(),
                caller.actor(),
                VersionTags.expected(ifMatch),
                DeleteConfigUseCase.Requester.TENANT)));
        return Response.noContent().build();
    }

    @POST
    @Path("/activate")
    @Operation(summary = "Put the configuration back in use. Honours If-Match.")
    public Response activate(
            @Parameter(hidden = true) @Auth CallerPrincipal caller, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return switchTo(Activation.ACTIVE, caller, ifMatch);
    }

    @POST
    @Path("/deactivate")
    @Operation(
            summary = "Take the configuration out of use; the loader falls back to the environment. Honours If-Match.")
    public Response deactivate(
            @Parameter(hidden = true) @Auth CallerPrincipal caller, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return switchTo(Activation.INACTIVE, caller, ifMatch);
    }

    private Response switchTo(Activation activation, CallerPrincipal caller, String ifMatch) {
        return ConfigResponses.ok(
                ConfigResponses.written(switchActivation.switchActivation(new SwitchActivationUseCase.Command(
                        caller.requireTenant(), caller.actor(), VersionTags.expected(ifMatch), activation))));
    }
}
