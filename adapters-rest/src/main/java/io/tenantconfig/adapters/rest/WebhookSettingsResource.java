package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.ResubscribeWebhookUseCase;
import io.tenantconfig.application.port.in.WebhookSettingsUseCase;
import io.tenantconfig.application.port.in.WebhookSettingsUseCase.WebhookSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The calling tenant's webhook: what to paste into Meta's dashboard, and subscribing again. */
@Path("/api/v1/tenant/config/webhook")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Webhooks", description = "Meta's WhatsApp webhooks: handshake and signed payloads (public, signed)")
public final class WebhookSettingsResource {

    private final WebhookSettingsUseCase settings;
    private final ResubscribeWebhookUseCase resubscribe;

    public WebhookSettingsResource(WebhookSettingsUseCase settings, ResubscribeWebhookUseCase resubscribe) {
        this.settings = settings;
        this.resubscribe = resubscribe;
    }

    public record WebhookView(
            @JsonProperty("callback_url") String callbackUrl,
            @JsonProperty("verify_token") String verifyToken,
            @JsonProperty("last_received_at") String lastReceivedAt) {

        static WebhookView of(WebhookSettings s) {
            return new WebhookView(
                    s.callbackUrl(),
                    s.verifyToken(),
                    s.lastReceivedAt() == null ? null : s.lastReceivedAt().toString());
        }
    }

    public record Resubscribed(
            @JsonProperty("callback_url") String callbackUrl,
            @JsonProperty("subscribed") boolean subscribed) {}

    @GET
    @Operation(summary = "The callback URL and verify token to give Meta, and when the last change arrived")
    public WebhookView webhook(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return WebhookView.of(settings.settingsOf(caller.requireTenant()).orElseThrow(ConfigResponses::notFound));
    }

    @POST
    @Path("/resubscribe")
    @RateLimited(RateLimitPolicy.Kind.ONBOARDING)
    @Operation(summary = "Subscribe the app to the tenant's WhatsApp Business Account again, with its callback URL")
    public Resubscribed resubscribe(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return resubscribe
                .resubscribe(caller.requireTenant(), caller.actor())
                .match(
                        url -> new Resubscribed(url, true),
                        () -> {
                            throw ConfigResponses.notFound();
                        },
                        why -> {
                            throw new ApiException(409, "Cannot subscribe: " + why + ".");
                        },
                        failed -> {
                            throw new ApiException(502, refused(failed));
                        });
    }

    /** Meta's words for the account it refused, and what stays subscribed. */
    private static String refused(ResubscribeWebhookUseCase.Result.MetaFailed failed) {
        String meta = MetaAnswers.words(failed.failure());
        if (failed.subscribed().isEmpty()) {
            return "Meta's Graph API did not accept the subscription: " + meta
                    + ". Nothing was changed; try again later.";
        }
        return "Meta's Graph API did not accept the subscription of account " + failed.wabaId() + ": " + meta
                + ". Accounts " + String.join(", ", failed.subscribed())
                + " were subscribed (see subscribed_at in /api/v1/tenant/config/accounts); try again later"
                + " for the others.";
    }
}
