package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.WebhookSettingsResource.WebhookView;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.SwitchActivationUseCase;
import io.tenantconfig.application.port.in.SwitchActivationUseCase.Activation;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.application.port.in.ViewHealthUseCase;
import io.tenantconfig.application.port.in.WebhookSettingsUseCase;
import io.tenantconfig.domain.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Platform admins acting on one tenant, named in the path: what the tenant itself sees and may do
 * through {@code /config}, secrets masked, recorded in the tenant's audit trail under the admin's
 * name. The admin dashboard's tenant page is built on these.
 */
@Path("/api/v1/tenant/admin/tenants/{tenant_id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminTenantResource {

    private final ViewConfigUseCase viewConfig;
    private final SwitchActivationUseCase switchActivation;
    private final ViewHealthUseCase viewHealth;
    private final CheckHealthUseCase checkHealth;
    private final WebhookSettingsUseCase webhookSettings;

    public AdminTenantResource(
            ViewConfigUseCase viewConfig,
            SwitchActivationUseCase switchActivation,
            ViewHealthUseCase viewHealth,
            CheckHealthUseCase checkHealth,
            WebhookSettingsUseCase webhookSettings) {
        this.viewConfig = viewConfig;
        this.switchActivation = switchActivation;
        this.viewHealth = viewHealth;
        this.checkHealth = checkHealth;
        this.webhookSettings = webhookSettings;
    }

    @GET
    @Operation(summary = "The tenant's configuration, secrets masked, with its version as the ETag")
    public Response config(@PathParam("tenant_id") String tenantId) {
        return ConfigResponses.ok(viewConfig.view(tenant(tenantId)).orElseThrow(ConfigResponses::notFound));
    }

    @POST
    @Path("/activate")
    @Operation(summary = "Put the tenant's configuration back in use. Honours If-Match.")
    public Response activate(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("tenant_id") String tenantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return switchTo(Activation.ACTIVE, caller, tenantId, ifMatch);
    }

    @POST
    @Path("/deactivate")
    @Operation(
            summary = "Take the tenant's configuration out of use; the loader falls back to the environment. "
                    + "Honours If-Match.")
    public Response deactivate(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("tenant_id") String tenantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return switchTo(Activation.INACTIVE, caller, tenantId, ifMatch);
    }

    @GET
    @Path("/health")
    @Operation(summary = "What the last check of the tenant's WhatsApp found: state, reasons, each number's status")
    public HealthView health(@PathParam("tenant_id") String tenantId) {
        return HealthView.of(viewHealth.health(tenant(tenantId)).orElseThrow(ConfigResponses::notFound));
    }

    @POST
    @Path("/health/check")
    @Operation(summary = "Check the tenant's token and numbers with Meta now")
    public HealthView checkHealth(@PathParam("tenant_id") String tenantId) {
        return checkHealth.check(tenant(tenantId)).match(HealthView::of, () -> {
            throw ConfigResponses.notFound();
        });
    }

    @GET
    @Path("/webhook")
    @Operation(summary = "The tenant's webhook callback URL and verify token, and when the last change arrived")
    public WebhookView webhook(@PathParam("tenant_id") String tenantId) {
        return WebhookView.of(webhookSettings.settingsOf(tenant(tenantId)).orElseThrow(ConfigResponses::notFound));
    }

    private Response switchTo(Activation activation, CallerPrincipal caller, String tenantId, String ifMatch) {
        return ConfigResponses.ok(
                ConfigResponses.written(switchActivation.switchActivation(new SwitchActivationUseCase.Command(
                        tenant(tenantId), caller.actor(), VersionTags.expected(ifMatch), activation))));
    }

    /** The tenant named in an admin path; 422 naming {@code tenant_id} when it is not a valid tenant id. */
    static TenantId tenant(String value) {
        return Parameters.required("tenant_id", value, TenantId::presented);
    }
}
