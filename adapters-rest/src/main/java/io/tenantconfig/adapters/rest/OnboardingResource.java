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
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.OnboardingStep;
import io.tenantconfig.application.port.in.ResumeOnboardingUseCase;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.Optional;

/**
 * WhatsApp Embedded Signup: the frontend hands over the code and account ids Meta gave it, and
 * the backend finishes the job with Meta. Failures say which step failed and what the user can do.
 */
@Path("/api/v1/tenant/onboard/whatsapp-client")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RateLimited(RateLimitPolicy.Kind.ONBOARDING)
@Tag(name = "Onboarding", description = "Meta Embedded Signup")
public final class OnboardingResource {

    static final String RESUME_PATH = "/api/v1/tenant/onboard/whatsapp-client/resume";

    private final OnboardUseCase onboard;
    private final ResumeOnboardingUseCase resumeOnboarding;

    public OnboardingResource(OnboardUseCase onboard, ResumeOnboardingUseCase resumeOnboarding) {
        this.onboard = onboard;
        this.resumeOnboarding = resumeOnboarding;
    }

    /** The seed's answer to a successful onboarding. */
    public record Onboarded(
            @JsonProperty("success") boolean success,
            @JsonProperty("message") String message,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("config_id") long configId,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("phone_number_id") String phoneNumberId) {

        /**
         * The account and the number the signup named ({@code phone_number_id} {@code null} when it
         * named none: the message then says a number is still to be added); for a configuration
         * that no signup named an account of, its primary account and default number, as the seed answered.
         */
        static Onboarded of(TenantConfig config, String message) {
            boolean signedUp = config.onboarding().wabaId() != null;
            Optional<PhoneNumber> number = signedUp ? config.onboardingNumber() : config.defaultNumber();
            String said = message;
            if (number.isEmpty()) {
                said = message + "; it has no phone number yet: add one with POST /api/v1/tenant/config/phone-numbers";
            } else if (number.get().coexistence()) {
                said = message + "; its number stays registered with the WhatsApp Business app (coexistence)";
            } else if (!number.get().verification().verified()) {
                String path = PhoneNumbersResource.PATH + "/" + number.get().id();
                said = message + "; Meta has not verified its phone number yet, so it was not registered: have"
                        + " Meta send it a code with POST " + path + "/request-code, then enter the code with POST "
                        + path + "/verify-code";
            }
            return new Onboarded(
                    true,
                    said,
                    config.tenantId().value(),
                    config.id(),
                    Objects.toString(
                            signedUp
                                    ? config.onboarding().wabaId()
                                    : config.account().wabaId(),
                            null),
                    number.map(n -> n.id().value()).orElse(null));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Finish Embedded Signup: exchange the code, store the token, subscribe and register")
    public Onboarded onboard(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) OnboardingRequest body) {
        return onboard.onboard(body.toCommand(caller.requireTenant(), caller.actor()))
                .match(ANSWER);
    }

    @POST
    @Path("/resume")
    @Operation(summary = "Run the onboarding steps not yet done, with the stored token")
    public Onboarded resume(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return resumeOnboarding
                .resume(new ResumeOnboardingUseCase.Command(caller.requireTenant(), caller.actor()))
                .match(ANSWER);
    }

    /** An onboarding run's outcome as HTTP: the seed's answer when it completed, an error saying what to do otherwise. */
    private static final OnboardingResult.Cases<Onboarded> ANSWER = new OnboardingResult.Cases<>() {
        @Override
        public Onboarded completed(TenantConfig config) {
            return Onboarded.of(config, "WhatsApp Business account connected successfully");
        }

        @Override
        public Onboarded alreadyCompleted(TenantConfig config) {
            return Onboarded.of(config, "Onboarding was already completed; nothing to resume");
        }

        @Override
        public Onboarded stepFailed(OnboardingResult.StepFailed failed) {
            throw failure(failed);
        }

        @Override
        public Onboarded nothingToResume(OnboardingStatus status) {
            throw new ApiException(
                    409, "There is no onboarding to resume (status " + status + "). Start the WhatsApp signup again.");
        }

        @Override
        public Onboarded notFound() {
            throw ConfigResponses.notFound();
        }

        @Override
        public Onboarded refused(Refusal refusal) {
            throw ConfigResponses.refused(refusal);
        }

        @Override
        public Onboarded interrupted() {
            throw new ApiException(
                    409,
                    "The configuration was changed or deleted by another request while onboarding "
                            + "ran. Check it with GET /api/v1/tenant/config, then resume or run the WhatsApp signup again.");
        }
    };

    /** Meta's failure as HTTP: which step, Meta's own words and trace id, and what to do next. */
    private static ApiException failure(OnboardingResult.StepFailed failed) {
        MetaFailure failure = failed.failure();
        String meta = MetaAnswers.words(failure);
        String next = failed.tokenSaved() ? " The access token is saved; continue with POST " + RESUME_PATH + "." : "";
        String metaNext = failed.tokenSaved() ? next : " Nothing was stored; try the WhatsApp signup again.";
        if (failed.step() == OnboardingStep.EXCHANGE_CODE && failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
            // No tenant token exists yet: Meta refused our app's own credentials.
            return new ApiException(
                    502,
                    "Meta's Graph API refused this platform's app credentials " + step(failed.step()) + ": " + meta
                            + ". Nothing was stored; an operator has to check FB_APP_ID and FB_APP_SECRET.");
        }
        return switch (failure.kind()) {
            case SIGNUP_CODE_REJECTED ->
                new ApiException(
                        400,
                        "Meta rejected the signup code: " + meta
                                + ". A code is valid for about 30 seconds and only once: please restart the WhatsApp signup.");
            case TOKEN_INVALID ->
                new ApiException(
                        400,
                        "Meta no longer accepts the access token (" + step(failed.step()) + "): " + meta
                                + ". Please run the WhatsApp signup again to re-authorize.");
            case RATE_LIMITED, TIMEOUT, META_UNAVAILABLE, REJECTED ->
                MetaAnswers.failed(failure, step(failed.step()), next, metaNext);
        };
    }

    private static String step(OnboardingStep step) {
        return "while " + step.description();
    }
}
