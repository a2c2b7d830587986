package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.ReportSignupEventUseCase;
import io.tenantconfig.application.port.in.SignupSessionsUseCase;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A tenant's signup sessions: what the page reports when Meta's flow did not finish (kept, Meta
 * not called), and the sessions read back, newest first.
 */
@Path("/api/v1/tenant/onboard")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Onboarding", description = "Meta Embedded Signup")
public final class SignupSessionsResource {

    private static final String LIMIT_RANGE = "must be between 1 and 100";

    private final ReportSignupEventUseCase reportSignupEvent;
    private final SignupSessionsUseCase signupSessions;

    public SignupSessionsResource(ReportSignupEventUseCase reportSignupEvent, SignupSessionsUseCase signupSessions) {
        this.reportSignupEvent = reportSignupEvent;
        this.signupSessions = signupSessions;
    }

    /** The answer to a reported event: kept, and as what. */
    public record Recorded(
            @JsonProperty("recorded") boolean recorded,
            @JsonProperty("outcome") String outcome) {}

    public record SessionList(@JsonProperty("sessions") List<SignupSessionView> sessions) {}

    @POST
    @Path("/signup-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimitPolicy.Kind.ONBOARDING)
    @Operation(summary = "Report how an Embedded Signup that did not finish ended (CANCEL); kept as a signup session")
    public Response report(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) SignupEventRequest body) {
        ReportSignupEventUseCase.Command command = body.toCommand(caller.requireTenant());
        reportSignupEvent.report(command);
        return Response.accepted(
                        new Recorded(true, command.event().outcome().kind().label()))
                .build();
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "The tenant's signup sessions, newest first")
    public SessionList sessions(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = 100, message = LIMIT_RANGE)
                    int limit) {
        return new SessionList(signupSessions.sessionsOf(caller.requireTenant(), limit).stream()
                .map(SignupSessionView::of)
                .toList());
    }
}
