package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.ReportFailureUseCase;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * For the platform's webhook receiver (service role only): which tenant a Meta webhook is for,
 * by the phone number ({@code changes[].value.metadata.phone_number_id}) or the WhatsApp
 * Business Account ({@code entry[].id}) it names, with the number's capacity so the sending code
 * can pace itself. Answered from memory.
 */
@Path("/api/v1/lookup")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Lookup", description = "Which tenant owns a phone number or WhatsApp Business Account (service role)")
public final class LookupResource {

    private final ConfigLoader configLoader;
    private final ReportFailureUseCase reportFailure;

    public LookupResource(ConfigLoader configLoader, ReportFailureUseCase reportFailure) {
        this.configLoader = configLoader;
        this.reportFailure = reportFailure;
    }

    /** What {@code report-failure} answers: whose number it is, and that its check is scheduled. */
    public record Scheduled(
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("check") String check) {}

    /** The owner of a number or account. */
    public record Owner(
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("is_active") boolean isActive,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("phone_number_id") String phoneNumberId,
            @JsonProperty("coexistence") boolean coexistence,
            /** Of the number named; {@code null} for an account without a number. */
            @JsonProperty("capacity") CapacityView capacity) {

        static Owner of(NumberOwner owner) {
            return new Owner(
                    owner.tenantId().value(),
                    owner.active(),
                    Objects.toString(owner.wabaId(), null),
                    Objects.toString(owner.phoneNumberId(), null),
                    owner.coexistence(),
                    owner.phoneNumberId() == null ? null : CapacityView.of(owner));
        }
    }

    @GET
    @Path("/phone-numbers/{phone_number_id}")
    @Operation(
            summary = "The tenant a phone number belongs to; is_active is false when its configuration or the"
                    + " number is out of use; capacity says how fast it may send (messages_per_second,"
                    + " quality_rating, messaging_limit_tier), from memory")
    public Owner ownerOfNumber(@PathParam("phone_number_id") String phoneNumberId) {
        return owner(phoneNumberId, configLoader::ownerOfNumber, "phone number");
    }

    @GET
    @Path("/wabas/{waba_id}")
    @Operation(
            summary = "The tenant a WhatsApp Business Account belongs to, with its default phone number and that"
                    + " number's capacity")
    public Owner ownerOfAccount(@PathParam("waba_id") String wabaId) {
        return owner(wabaId, configLoader::ownerOfAccount, "WhatsApp Business Account");
    }

    @POST
    @Path("/phone-numbers/{phone_number_id}/report-failure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Report a Meta error met while sending from this number ({\"code\": 190, \"error_subcode\": 463});"
                            + " its tenant is checked within seconds. 202.")
    public Response reportFailure(
            @PathParam("phone_number_id") String phoneNumberId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) FailureReport body) {
        body.validate();
        MetaId number = numberOf(phoneNumberId, "phone number");
        return reportFailure
                .report(number, body.code(), body.errorSubcode())
                .map(tenant -> Response.accepted(new Scheduled(tenant.value(), "scheduled"))
                        .build())
                .orElseThrow(() -> new ApiException(404, "No tenant has the phone number " + number));
    }

    private static MetaId numberOf(String id, String what) {
        try {
            return MetaId.parse(id);
        } catch (InvalidValueException e) {
            throw new ApiException(404, "No tenant has this " + what + ": Meta's ids are 1 to 32 digits");
        }
    }

    private static Owner owner(String id, Function<MetaId, Optional<NumberOwner>> lookup, String what) {
        MetaId metaId = numberOf(id, what);
        return lookup.apply(metaId)
                .map(Owner::of)
                .orElseThrow(() -> new ApiException(404, "No tenant has the " + what + " " + metaId));
    }
}
