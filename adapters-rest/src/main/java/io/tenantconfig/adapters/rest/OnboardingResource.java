package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.usecase.OnboardWhatsAppClientUseCase;
import io.tenantconfig.application.usecase.OnboardingResult;
import io.tenantconfig.application.usecase.OnboardingStep;
import io.tenantconfig.application.usecase.ResumeOnboardingUseCase;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.port.MetaFailure;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

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

    private final OnboardWhatsAppClientUseCase onboard;
    private final ResumeOnboardingUseCase resume;

    public OnboardingResource(OnboardWhatsAppClientUseCase onboard, ResumeOnboardingUseCase resume) {
        this.onboard = onboard;
        this.resume = resume;
    }

    /** The seed's answer to a successful onboarding. */
    public record Onboarded(
            @JsonProperty("success") boolean success,
            @JsonProperty("message") String message,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("config_id") long configId,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("phone_number_id") String phoneNumberId) {

        static Onboarded of(TenantConfig config, String message) {
            return new Onboarded(true, message, config.tenantId().value(), config.id().orElseThrow(),
                    config.wabaId().value(), config.phoneNumberId().value());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Finish Embedded Signup: exchange the code, store the token, subscribe and register")
    public Onboarded onboard(@Parameter(hidden = true) @Auth CallerPrincipal caller, JsonNode body) {
        OnboardingRequest request = OnboardingRequest.read(body);
        return answer(onboard.onboard(new OnboardWhatsAppClientUseCase.Command(
                caller.requireTenant(), caller.actor(), request.code(), request.account())));
    }

    @POST
    @Path("/resume")
    @Operation(summary = "Run the onboarding steps not yet done, with the stored token")
    public Onboarded resume(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return answer(resume.resume(new ResumeOnboardingUseCase.Command(caller.requireTenant(), caller.actor())));
    }

    private static Onboarded answer(OnboardingResult result) {
        if (result instanceof OnboardingResult.Completed completed) {
            return Onboarded.of(completed.config(), "WhatsApp Business account connected successfully");
        }
        if (result instanceof OnboardingResult.AlreadyCompleted done) {
            return Onboarded.of(done.config(), "Onboarding was already completed; nothing to resume");
        }
        if (result instanceof OnboardingResult.StepFailed failed) {
            throw failure(failed);
        }
        if (result instanceof OnboardingResult.NothingToResume nothing) {
            throw new ApiException(409, "There is no onboarding to resume (status " + nothing.status()
                    + "). Start the WhatsApp signup again.");
        }
        if (result instanceof OnboardingResult.NotFound) {
            throw ConfigResponses.notFound();
        }
        throw new ApiException(409, "The configuration was changed or deleted by another request while onboarding ran. "
                + "Check it with GET /api/v1/tenant/config, then resume or run the WhatsApp signup again.");
    }

    /** Meta's failure as HTTP: which step, Meta's own words and trace id, and what to do next. */
    private static ApiException failure(OnboardingResult.StepFailed failed) {
        MetaFailure failure = failed.failure();
        String meta = failure.message() + (failure.fbtraceId() == null ? "" : " (fbtrace_id: " + failure.fbtraceId() + ")");
        String next = failed.tokenSaved()
                ? " The access token is saved; continue with POST " + RESUME_PATH + "."
                : "";
        if (failed.step() == OnboardingStep.EXCHANGE_CODE && failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
            // No tenant token exists yet: Meta refused our app's own credentials.
            return new ApiException(502, "Onboarding stopped " + step(failed.step()) + ": " + meta + ".");
        }
        return switch (failure.kind()) {
            case SIGNUP_CODE_REJECTED -> new ApiException(400, "Meta rejected the signup code: " + meta
                    + ". A code is valid for about 30 seconds and only once: please restart the WhatsApp signup.");
            case TOKEN_INVALID -> new ApiException(400, "Meta no longer accepts the access token ("
                    + step(failed.step()) + "): " + meta + ". Please run the WhatsApp signup again to re-authorize.");
            case RATE_LIMITED -> new ApiException(429, "Meta is rate limiting requests (" + step(failed.step()) + "): "
                    + meta + ". Try again in " + failure.retryAfter().toSeconds() + " seconds." + next,
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfter().toSeconds())));
            case TIMEOUT -> new ApiException(504, "Onboarding stopped " + step(failed.step()) + ": " + meta + "." + next);
            case META_UNAVAILABLE, REJECTED -> new ApiException(502, "Onboarding stopped " + step(failed.step()) + ": "
                    + meta + "." + next);
        };
    }

    private static String step(OnboardingStep step) {
        return "while " + step.description();
    }
}
