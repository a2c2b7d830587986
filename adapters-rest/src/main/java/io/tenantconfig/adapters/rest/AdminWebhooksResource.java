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
import io.tenantconfig.application.port.in.UnroutableWebhookChangesUseCase;
import io.tenantconfig.application.port.out.WebhookInbox.UnroutableChange;
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

/** For admins: the webhook changes Meta sent that no tenant owns. */
@Path("/api/v1/tenant/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminWebhooksResource {

    private static final String LIMIT_RANGE = "must be between 1 and 100";

    private final UnroutableWebhookChangesUseCase unroutable;

    public AdminWebhooksResource(UnroutableWebhookChangesUseCase unroutable) {
        this.unroutable = unroutable;
    }

    /** A change nobody owns: what it named and why; its value is not shown (it may hold people's messages). */
    public record UnroutableView(
            @JsonProperty("id") long id,
            @JsonProperty("received_at") String receivedAt,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("phone_number_id") String phoneNumberId,
            @JsonProperty("field") String field,
            @JsonProperty("reason") String reason) {

        static UnroutableView of(UnroutableChange c) {
            return new UnroutableView(
                    c.id(), c.receivedAt().toString(), c.wabaId(), c.phoneNumberId(), c.field(), c.reason());
        }
    }

    public record UnroutableList(
            @JsonProperty("total") long total,
            @JsonProperty("changes") List<UnroutableView> changes) {}

    @GET
    @Path("/unroutable")
    @Operation(summary = "How many webhook changes no tenant owns, and the newest of them")
    public UnroutableList unroutable(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = 100, message = LIMIT_RANGE)
                    int limit) {
        UnroutableWebhookChangesUseCase.Unroutable found = unroutable.unroutable(limit);
        return new UnroutableList(
                found.total(), found.newest().stream().map(UnroutableView::of).toList());
    }
}
