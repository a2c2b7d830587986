package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.ChangeBusinessProfileUseCase;
import io.tenantconfig.application.port.in.ProfileResult;
import io.tenantconfig.application.port.in.ViewBusinessProfileUseCase;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.profile.BusinessProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The business profile of one of the calling tenant's numbers, as customers see it: read through
 * to Meta (the number's account's token) and kept from Meta's last answer, so a read while Meta
 * does not answer still answers, saying when it was read; changed at Meta, audited.
 */
@Path(BusinessProfileResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Phone numbers", description = "The calling tenant's WhatsApp phone numbers")
public final class BusinessProfileResource {

    static final String PATH = "/api/v1/tenant/config/phone-numbers/{phone_number_id}/profile";

    private final ViewBusinessProfileUseCase viewBusinessProfile;
    private final ChangeBusinessProfileUseCase changeBusinessProfile;

    public BusinessProfileResource(
            ViewBusinessProfileUseCase viewBusinessProfile, ChangeBusinessProfileUseCase changeBusinessProfile) {
        this.viewBusinessProfile = viewBusinessProfile;
        this.changeBusinessProfile = changeBusinessProfile;
    }

    /**
     * A profile as Meta answered it at {@code read_at}: {@code source} {@code meta} when Meta
     * answered just now, {@code kept} when it did not ({@code meta_error} says why) and this is
     * its last answer.
     */
    public record ProfileView(
            @JsonProperty("phone_number_id") String phoneNumberId,
            @JsonProperty("about") String about,
            @JsonProperty("address") String address,
            @JsonProperty("description") String description,
            @JsonProperty("email") String email,
            @JsonProperty("websites") List<String> websites,
            @JsonProperty("vertical") String vertical,
            @JsonProperty("profile_picture_url") String profilePictureUrl,
            @JsonProperty("read_at") String readAt,
            @JsonProperty("source") String source,
            @JsonProperty("meta_error") String metaError) {

        static ProfileView of(ProfileResult.Shown shown) {
            BusinessProfile p = shown.profile();
            return new ProfileView(
                    shown.phoneNumberId().value(),
                    p.about(),
                    p.address(),
                    p.description(),
                    p.email(),
                    p.websites(),
                    p.vertical(),
                    p.profilePictureUrl(),
                    shown.readAt().toString(),
                    shown.notReadNow() == null ? "meta" : "kept",
                    shown.notReadNow() == null ? null : MetaAnswers.words(shown.notReadNow()));
        }
    }

    @GET
    @Operation(
            summary = "The number's business profile, read from Meta and kept; while Meta does not answer, the"
                    + " one kept from its last answer (source kept, read_at, meta_error)")
    public ProfileView profile(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("phone_number_id") String phoneNumberId) {
        MetaId id = PhoneNumbersResource.numberInPath(phoneNumberId);
        return shown(
                viewBusinessProfile.view(caller.requireTenant(), id),
                "while reading the business profile",
                " No profile was kept from an earlier answer to give instead.");
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimitPolicy.Kind.ONBOARDING)
    @Operation(
            summary = "Change the number's business profile at Meta (about, address, description, email, websites,"
                    + " vertical), checked against Meta's limits first; answered as read back from Meta")
    public ProfileView change(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("phone_number_id") String phoneNumberId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) ProfilePatch body) {
        MetaId id = PhoneNumbersResource.numberInPath(phoneNumberId);
        ChangeBusinessProfileUseCase.Command command =
                new ChangeBusinessProfileUseCase.Command(caller.requireTenant(), caller.actor(), id, body.toChange());
        return shown(
                changeBusinessProfile.change(command), "while changing the business profile", " Nothing was changed.");
    }

    private static ProfileView shown(ProfileResult result, String step, String kept) {
        return result.match(
                ProfileView::of,
                () -> {
                    throw ConfigResponses.notFound();
                },
                refusal -> {
                    throw ConfigResponses.refused(refusal);
                },
                failure -> {
                    throw failed(failure, step, kept);
                });
    }

    /** Meta's failure, in Meta's words, as onboarding's, and what that leaves ({@code nothing}). */
    private static ApiException failed(MetaFailure failure, String step, String nothing) {
        if (failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
            return new ApiException(
                    400,
                    "Meta no longer accepts the account's access token (" + step + "): " + MetaAnswers.words(failure)
                            + "." + nothing + " Run the WhatsApp signup again to re-authorize the account.");
        }
        if (failure.kind() == MetaFailure.Kind.REJECTED) {
            return new ApiException(
                    400, "Meta refused the request " + step + ": " + MetaAnswers.words(failure) + "." + nothing);
        }
        return MetaAnswers.failed(failure, step, nothing, nothing + " Try again later.");
    }
}
