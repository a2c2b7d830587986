package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.errors.InvalidRequestException;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.EventsAdminUseCase;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** For admins: the events for the platform (dead letters above all), and sending one again. */
@Path("/api/v1/tenant/admin/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminEventsResource {

    private static final String LIMIT_RANGE = "must be between 1 and 1000";

    private final EventsAdminUseCase events;

    public AdminEventsResource(EventsAdminUseCase events) {
        this.events = events;
    }

    /** An event as admins see it; {@code data} is the event's own JSON. */
    public record EventView(
            @JsonProperty("id") long id,
            @JsonProperty("type") String type,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("occurred_at") String occurredAt,
            @JsonProperty("status") String status,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("data") @JsonRawValue String data) {

        static EventView of(OutboxEvent e) {
            return new EventView(
                    e.id(),
                    e.type(),
                    e.tenantId().value(),
                    e.occurredAt().toString(),
                    e.status().name().toLowerCase(Locale.ROOT),
                    e.attempts(),
                    e.lastError(),
                    e.dataJson());
        }
    }

    public record EventList(@JsonProperty("events") List<EventView> events) {}

    /** What a replay answers: the event is pending again. */
    public record Replayed(
            @JsonProperty("id") long id,
            @JsonProperty("status") String status) {}

    @GET
    @Operation(
            summary = "Events in one delivery state (dead, pending or delivered), newest first: all, or one tenant's")
    public EventList list(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @QueryParam("status") @DefaultValue("dead") String status,
            @Parameter(description = "Only this tenant's events") @QueryParam("tenant_id") String tenantId,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = 1000, message = LIMIT_RANGE)
                    int limit) {
        return new EventList(
                events
                        .list(status(status), Parameters.optional("tenant_id", tenantId, TenantId::presented), limit)
                        .stream()
                        .map(EventView::of)
                        .toList());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Deliver an event again, whatever its state (a dead letter, most often)")
    public Replayed replay(@Parameter(hidden = true) @Auth CallerPrincipal caller, @PathParam("id") long id) {
        if (!events.replay(id)) {
            throw new ApiException(404, "There is no event " + id);
        }
        return new Replayed(id, "pending");
    }

    private static OutboxEvent.Status status(String value) {
        try {
            return OutboxEvent.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("status", "status must be dead, pending or delivered");
        }
    }
}
