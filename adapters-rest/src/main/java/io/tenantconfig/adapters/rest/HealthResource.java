package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.ViewHealthUseCase;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Whether the calling tenant's WhatsApp works: what the last check found, and a check now. */
@Path("/api/v1/tenant/config/health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Health", description = "Whether the calling tenant's token and numbers work, as Meta says")
public final class HealthResource {

    private final ViewHealthUseCase viewHealth;
    private final CheckHealthUseCase checkHealth;

    public HealthResource(ViewHealthUseCase viewHealth, CheckHealthUseCase checkHealth) {
        this.viewHealth = viewHealth;
        this.checkHealth = checkHealth;
    }

    @GET
    @Operation(summary = "What the last check found: state, reasons to act on, token expiry, each number's status")
    public HealthView health(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return HealthView.of(viewHealth.health(caller.requireTenant()).orElseThrow(ConfigResponses::notFound));
    }

    @POST
    @Path("/check")
    @RateLimited(RateLimitPolicy.Kind.HEALTH_CHECK)
    @Operation(summary = "Check with Meta now (a token about to expire is refreshed first); rate limited per tenant")
    public HealthView check(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return checkHealth.check(caller.requireTenant()).match(HealthView::of, () -> {
            throw ConfigResponses.notFound();
        });
    }
}
