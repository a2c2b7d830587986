package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.InvalidRequestException;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.SignupSessionsAdminUseCase;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.domain.TenantId;
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
import java.util.Optional;

/** For admins: every tenant's signup sessions, newest first, paged with {@code after}. */
@Path("/api/v1/tenant/admin/signup-sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminSignupSessionsResource {

    private static final String LIMIT_RANGE = "must be between 1 and 100";

    private final SignupSessionsAdminUseCase sessions;

    public AdminSignupSessionsResource(SignupSessionsAdminUseCase sessions) {
        this.sessions = sessions;
    }

    /** {@code next}: pass it as {@code after} for the following page; null on the last one. */
    public record SessionPage(
            @JsonProperty("returned") int returned,
            @JsonProperty("sessions") List<SignupSessionView> sessions,
            @JsonProperty("next") String next) {}

    @GET
    @Operation(summary = "Every tenant's signup sessions, newest first; narrowed by outcome, since and tenant_id")
    public SessionPage list(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @Parameter(description = "finished, cancelled or failed") @QueryParam("outcome") String outcome,
            @Parameter(description = "Ended at or after this moment (ISO-8601, e.g. 2026-12-01T00:00:00Z)")
                    @QueryParam("since")
                    String since,
            @Parameter(description = "Only this tenant's sessions") @QueryParam("tenant_id") String tenantId,
            @Parameter(description = "The next of the previous page: the page that follows it") @QueryParam("after")
                    String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = 100, message = LIMIT_RANGE)
                    int limit) {
        SignupSessions.Filter filter = new SignupSessions.Filter(
                outcome(outcome),
                Parameters.moment("since", since),
                Parameters.optional("tenant_id", tenantId, TenantId::presented));
        SignupSessions.Page page = sessions.list(filter, Parameters.cursor(after), limit);
        List<SignupSessionView> views =
                page.sessions().stream().map(SignupSessionView::of).toList();
        return new SessionPage(
                views.size(), views, page.next().map(String::valueOf).orElse(null));
    }

    private static Optional<SignupOutcome.Kind> outcome(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SignupOutcome.Kind.ofLabel(value)
                .orElseThrow(() ->
                        InvalidRequestException.of("outcome", "outcome must be one of finished, cancelled, failed")));
    }
}
