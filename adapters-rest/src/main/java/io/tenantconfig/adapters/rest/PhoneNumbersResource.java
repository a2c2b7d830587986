package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.ChangePhoneNumberUseCase;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.CreatePhoneNumberUseCase;
import io.tenantconfig.application.port.in.NumberStep;
import io.tenantconfig.application.port.in.NumberStepResult;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.RequestVerificationCodeUseCase;
import io.tenantconfig.application.port.in.VerifyPhoneNumberUseCase;
import io.tenantconfig.application.port.in.ViewAppDataSyncsUseCase;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.application.port.out.MetaFailure;
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
    private final RestApi.NumberVerification verification;
    private final ViewAppDataSyncsUseCase viewAppDataSyncs;
    private final ConfigLoader configLoader;

    public PhoneNumbersResource(
            ViewConfigUseCase viewConfig,
            AddPhoneNumberUseCase addPhoneNumber,
            ChangePhoneNumberUseCase changePhoneNumber,
            RemovePhoneNumberUseCase removePhoneNumber,
            RestApi.NumberVerification verification,
            ViewAppDataSyncsUseCase viewAppDataSyncs,
            ConfigLoader configLoader) {
        this.viewAppDataSyncs = viewAppDataSyncs;
        this.configLoader = configLoader;
        this.viewConfig = viewConfig;
        this.addPhoneNumber = addPhoneNumber;
        this.changePhoneNumber = changePhoneNumber;
        this.removePhoneNumber = removePhoneNumber;
        this.verification = verification;
    }

    @GET
    @Operation(
            summary = "The tenant's phone numbers, in the order they were added, the default marked; a coexistence"
                    + " number with where the sync of its app's contacts and history stands")
    public Response list(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        TenantConfig config = viewConfig.view(caller.requireTenant()).orElseThrow(ConfigResponses::notFound);
        return Response.ok(PhoneNumberView.NumberList.of(
                        config, viewAppDataSyncs.appDataSyncs(config.tenantId()), configLoader))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a phone number Meta has (phone_number_id; the first becomes the default; 409 when it is"
                    + " another tenant's; honours If-Match), or have Meta create one in the account (country_code,"
                    + " phone_number, verified_name): kept unverified and not in use until verified")
    public Response add(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) PhoneNumberRequest body) {
        if (body.createsNumber()) {
            return create(caller, body.toCreation());
        }
        PhoneNumber number = body.toNumber();
        TenantConfig config = ConfigResponses.written(addPhoneNumber.addPhoneNumber(new AddPhoneNumberUseCase.Command(
                caller.requireTenant(), caller.actor(), number, VersionTags.expected(ifMatch))));
        return Response.created(
                        UriBuilder.fromPath(PATH).path(number.id().value()).build())
                .entity(viewOf(config, number.id()))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    /** Meta creates the number; it is kept unverified, its answer the number as stored. */
    private Response create(CallerPrincipal caller, PhoneNumberRequest.Creation creation) {
        NumberStepResult.Done done = done(verification
                .create()
                .create(new CreatePhoneNumberUseCase.Command(
                        caller.requireTenant(),
                        caller.actor(),
                        creation.wabaId(),
                        creation.number(),
                        creation.label())));
        return Response.created(
                        UriBuilder.fromPath(PATH).path(done.number().value()).build())
                .entity(viewOf(done.config(), done.number()))
                .tag(VersionTags.of(done.config().version()))
                .build();
    }

    @POST
    @Path("/{phone_number_id}/request-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimitPolicy.Kind.ONBOARDING)
    @Operation(
            summary = "Have Meta send the number its verification code (code_method SMS or VOICE, language);"
                    + " 409 for a number registered already or a WhatsApp Business app's")
    public Response requestCode(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("phone_number_id") String phoneNumberId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) VerificationCodeRequest body) {
        MetaId id = numberInPath(phoneNumberId);
        VerificationCodeRequest.Asked asked = body.toAsked();
        return answered(verification
                .requestCode()
                .requestCode(new RequestVerificationCodeUseCase.Command(
                        caller.requireTenant(), caller.actor(), id, asked.method(), asked.language())));
    }

    @POST
    @Path("/{phone_number_id}/verify-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimitPolicy.Kind.ONBOARDING)
    @Operation(
            summary = "Verify the number with the code it received; it is then registered for the Cloud API"
                    + " and put in use. Without a code: retry the registration of a number Meta verified already")
    public Response verifyCode(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("phone_number_id") String phoneNumberId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) VerifyCodeRequest body) {
        MetaId id = numberInPath(phoneNumberId);
        return answered(verification
                .verify()
                .verify(new VerifyPhoneNumberUseCase.Command(
                        caller.requireTenant(), caller.actor(), id, body.toCode())));
    }

    private Response answered(NumberStepResult result) {
        NumberStepResult.Done done = done(result);
        return Response.ok(viewOf(done.config(), done.number()))
                .tag(VersionTags.of(done.config().version()))
                .build();
    }

    /** The step done, or the answer that says why not (thrown). */
    private static NumberStepResult.Done done(NumberStepResult result) {
        return result.match(
                done -> done,
                () -> {
                    throw ConfigResponses.notFound();
                },
                refusal -> {
                    throw ConfigResponses.refused(refusal);
                },
                failed -> {
                    throw failure(failed);
                });
    }

    /**
     * Meta's failure at a step as HTTP, as onboarding answers it: which step, Meta's own words and
     * trace id, what was kept, and what to do next.
     */
    private static ApiException failure(NumberStepResult.MetaFailed failed) {
        MetaFailure failure = failed.failure();
        String meta = MetaAnswers.words(failure);
        String step = "while " + failed.step().description();
        String kept = kept(failed);
        boolean refused =
                failure.kind() == MetaFailure.Kind.REJECTED || failure.kind() == MetaFailure.Kind.SIGNUP_CODE_REJECTED;
        if (failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
            return new ApiException(
                    400,
                    "Meta no longer accepts the account's access token (" + step + "): " + meta + "." + kept
                            + " Run the WhatsApp signup again to re-authorize the account.");
        }
        if (refused && failed.step() == NumberStep.VERIFY_CODE) {
            return new ApiException(400, "Meta did not accept the code " + step + ": " + meta + "." + kept);
        }
        return MetaAnswers.failed(failure, step, kept, kept);
    }

    /** What the service kept when Meta failed at the step, and what the tenant does next. */
    private static String kept(NumberStepResult.MetaFailed failed) {
        String number = failed.number() == null ? "" : failed.number().value();
        String path = PATH + "/" + number;
        return switch (failed.step()) {
            case CREATE -> " Nothing was created or changed.";
            case REQUEST_CODE ->
                " The number " + number + " is kept as it was; request a code again with POST " + path
                        + "/request-code.";
            case VERIFY_CODE ->
                " The number " + number + " is kept unverified; send the code again, or request a new"
                        + " one with POST " + path + "/request-code.";
            case REGISTER ->
                " The number " + number + " is verified and kept, not yet in use; retry its registration"
                        + " with POST " + path + "/verify-code and an empty body {} (no new code is needed).";
        };
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
                        number.coexistence() ? viewAppDataSyncs.appDataSyncs(config.tenantId()) : Map.of(),
                        CapacityView.of(configLoader, config, number)))
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
