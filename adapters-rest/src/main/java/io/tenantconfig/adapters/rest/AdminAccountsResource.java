package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Platform admins acting on one tenant's WhatsApp Business Accounts, the tenant named in the
 * path as in {@link AdminTenantResource}: the same answers as the tenant's own
 * {@link AccountsResource}, recorded in the tenant's audit trail under the admin's name.
 */
@Path(AdminAccountsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminAccountsResource {

    static final String PATH = "/api/v1/tenant/admin/tenants/{tenant_id}/accounts";

    private final AccountsResource.Answers answers;

    AdminAccountsResource(AccountsResource.Answers answers) {
        this.answers = answers;
    }

    @GET
    @Operation(summary = "The tenant's WhatsApp Business Accounts, the primary one marked, each with its numbers")
    public Response list(@PathParam("tenant_id") String tenantId) {
        return answers.list(AdminTenantResource.tenant(tenantId));
    }

    @GET
    @Path("/{waba_id}")
    @Operation(summary = "One of the tenant's WhatsApp Business Accounts")
    public Response get(@PathParam("tenant_id") String tenantId, @PathParam("waba_id") String wabaId) {
        return answers.one(AdminTenantResource.tenant(tenantId), AccountsResource.accountInPath(wabaId));
    }

    @PUT
    @Path("/{waba_id}/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set one of the tenant's accounts' access token (and its expiry). Honours If-Match.")
    public Response setToken(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("tenant_id") String tenantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("waba_id") String wabaId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) AccountTokenRequest body) {
        return answers.setToken(
                AdminTenantResource.tenant(tenantId),
                caller.actor(),
                AccountsResource.accountInPath(wabaId),
                body,
                VersionTags.expected(ifMatch));
    }

    @DELETE
    @Path("/{waba_id}")
    @Operation(
            summary = "Remove one of the tenant's accounts with its numbers; 409 while it holds the default number"
                    + " and another account has numbers. Honours If-Match.")
    public Response remove(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("tenant_id") String tenantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("waba_id") String wabaId) {
        return answers.remove(
                AdminTenantResource.tenant(tenantId),
                caller.actor(),
                AccountsResource.accountInPath(wabaId),
                VersionTags.expected(ifMatch));
    }
}
