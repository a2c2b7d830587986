package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.ViewHealthUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** For admins: the tenants whose WhatsApp needs action, worst first. */
@Path("/api/v1/tenant/admin/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminHealthResource {

    private static final String LIMIT_RANGE = "must be between 1 and 1000";

    private final ViewHealthUseCase viewHealth;

    public AdminHealthResource(ViewHealthUseCase viewHealth) {
        this.viewHealth = viewHealth;
    }

    /** One tenant needing action. */
    public record TenantHealthView(
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("health") HealthView health) {}

    public record NeedingAction(@JsonProperty("tenants") List<TenantHealthView> tenants) {}

    @GET
    @Operation(summary = "Tenants whose token or numbers need action (INVALID first, EXPIRING last), with the reasons")
    public NeedingAction needingAction(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = 1000, message = LIMIT_RANGE)
                    int limit) {
        return new NeedingAction(viewHealth.needingAction(limit).stream()
                .map(t -> new TenantHealthView(t.tenantId().value(), HealthView.of(t.health())))
                .toList());
    }
}
