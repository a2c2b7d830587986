package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.domain.TenantId;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Lets a client check its token and see who it is to this service. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Auth")
public final class AuthResource {

    public record Verification(
            @JsonProperty("valid") boolean valid,
            @JsonProperty("user_id") String userId,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("email") String email,
            @JsonProperty("modules") List<String> modules,
            @JsonProperty("roles") List<String> roles) {}

    @GET
    @Path("/verify")
    @Operation(summary = "Whether the bearer token is valid, and whom it names")
    public Verification verify(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return new Verification(
                true,
                caller.subject(),
                caller.tenant().map(TenantId::value).orElse(null),
                caller.email(),
                caller.modules(),
                caller.tokenRoles());
    }
}
