package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.ChangePhoneNumberUseCase;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.ViewAppDataSyncsUseCase;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;

/**
 * The calling tenant's phone numbers. Each write is a change to the tenant's configuration: it
 * honours the configuration's {@code ETag} in {@code If-Match}, answers with the new one, is
 * audited and announced to every instance like any other change.
 */
@Path(PhoneNumbersResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Phone numbers", description = "The calling tenant's WhatsApp phone numbers")
public final class PhoneNumbersResource {

    static final String PATH = "/api/v1/tenant/config/phone-numbers";

    private final ViewConfigUseCase viewConfig;
    private final AddPhoneNumberUseCase addPhoneNumber;
    private final ChangePhoneNumberUseCase changePhoneNumber;
    private final RemovePhoneNumberUseCase removePhoneNumber;
    private final ViewAppDataSyncsUseCase viewAppDataSyncs;

    public PhoneNumbersResource(
            ViewConfigUseCase viewConfig,
            AddPhoneNumberUseCase addPhoneNumber,
            ChangePhoneNumberUseCase changePhoneNumber,
            RemovePhoneNumberUseCase removePhoneNumber,
            ViewAppDataSyncsUseCase viewAppDataSyncs) {
        this.viewAppDataSyncs = viewAppDataSyncs;
        this.viewConfig = viewConfig;
        this.addPhoneNumber = addPhoneNumber;
        this.changePhoneNumber = changePhoneNumber;
        this.removePhoneNumber = removePhoneNumber;
    }

    @GET
    @Operation(
            summary = "The tenant's phone numbers, in the order they were added, the default marked; a coexistence"
                    + " number with where the sync of its app's contacts and history stands")
    public Response list(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        TenantConfig config = viewConfig.view(caller.requireTenant()).orElseThrow(ConfigResponses::notFound);
        return Response.ok(PhoneNumberView.NumberList.of(config, viewAppDataSyncs.appDataSyncs(config.tenantId())))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a phone number (the first becomes the default); 409 when it is another tenant's."
                    + " Honours If-Match.")
    public Response add(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) PhoneNumberRequest body) {
        PhoneNumber number = body.toNumber();
        TenantConfig config = ConfigResponses.written(addPhoneNumber.addPhoneNumber(new AddPhoneNumberUseCase.Command(
                caller.requireTenant(), caller.actor(), number, VersionTags.expected(ifMatch))));
        return Response.created(
                        UriBuilder.fromPath(PATH).path(number.id().value()).build())
                .entity(viewOf(config, number.id()))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    @GET
    @Path("/{phone_number_id}")
    @Operation(summary = "One of the tenant's phone numbers")
    public Response get(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("phone_number_id") String phoneNumberId) {
        MetaId id = numberInPath(phoneNumberId);
        TenantConfig config = viewConfig.view(caller.requireTenant()).orElseThrow(ConfigResponses::notFound);
        return Response.ok(viewOf(config, id))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    @PATCH
    @Path("/{phone_number_id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a number's label, is_active or is_default ({\"is_default\": true} makes it the"
                    + " default). Honours If-Match.")
    public Response change(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("phone_number_id") String phoneNumberId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) PhoneNumberPatch body) {
        MetaId id = numberInPath(phoneNumberId);
        TenantConfig config =
                ConfigResponses.written(changePhoneNumber.changePhoneNumber(new ChangePhoneNumberUseCase.Command(
                        caller.requireTenant(), caller.actor(), id, body.toChanges(), VersionTags.expected(ifMatch))));
        return Response.ok(viewOf(config, id))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    @DELETE
    @Path("/{phone_number_id}")
    @Operation(
            summary = "Remove a phone number; the default only when it is the last (409 otherwise). Honours If-Match.")
    public Response remove(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("phone_number_id") String phoneNumberId) {
        TenantConfig config =
                ConfigResponses.written(removePhoneNumber.removePhoneNumber(new RemovePhoneNumberUseCase.Command(
                        caller.requireTenant(),
                        caller.actor(),
                        numberInPath(phoneNumberId),
                        VersionTags.expected(ifMatch))));
        return Response.noContent().tag(VersionTags.of(config.version())).build();
    }

    private PhoneNumberView viewOf(TenantConfig config, MetaId id) {
        return config.phoneNumbers()
                .find(id)
                .map(number -> PhoneNumberView.of(
                        config,
                        number,
                        number.coexistence() ? viewAppDataSyncs.appDataSyncs(config.tenantId()) : Map.of()))
                .orElseThrow(() -> unknown(id.value()));
    }

    /** A number id in a path; one that is not digits cannot be a number of the tenant's either. */
    static MetaId numberInPath(String value) {
        try {
            return MetaId.parse(value);
        } catch (InvalidValueException e) {
            throw new ApiException(404, "No such phone number: phone number ids are 1 to 32 digits");
        }
    }

    private static ApiException unknown(String id) {
        return new ApiException(404, "The phone number " + id + " is not one of this configuration's");
    }
}
