package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.RevealCredentialsUseCase;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * What the ConfigLoader answers for the caller's tenant, for its default number, one it names, or
 * one of its WhatsApp Business Accounts: each credential and where it came from.
 */
@Path("/api/v1/tenant/config/resolved")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Tenant configuration", description = "The calling tenant's own WhatsApp credentials")
public final class ResolvedConfigResource {

    private final ConfigLoader configLoader;
    private final RevealCredentialsUseCase revealCredentials;

    public ResolvedConfigResource(ConfigLoader configLoader, RevealCredentialsUseCase revealCredentials) {
        this.configLoader = configLoader;
        this.revealCredentials = revealCredentials;
    }

    @GET
    @Operation(
            summary = "The credentials the tenant should use, each with its source (database, environment, none); "
                    + "secrets in clear for the admin and service roles only; capacity says how fast the resolved"
                    + " number may send (messages_per_second, quality_rating, messaging_limit_tier)")
    public Response resolved(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @Parameter(description = "One of the tenant's numbers; the default number when left out")
                    @QueryParam("phone_number_id")
                    String phoneNumberId,
            @Parameter(
                            description =
                                    "One of the tenant's WhatsApp Business Accounts: its token and the first of its"
                                            + " numbers (the default when it holds it); not with phone_number_id")
                    @QueryParam("waba_id")
                    String wabaId) {
        TenantId tenant = caller.requireTenant();
        Optional<MetaId> number = idOf("phone_number_id", phoneNumberId);
        Optional<MetaId> account = idOf("waba_id", wabaId);
        if (number.isPresent() && account.isPresent()) {
            throw new ApiException(422, "phone_number_id, waba_id: name one of them, not both");
        }
        boolean reveal = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SERVICE);
        ResolvedCredentials credentials;
        if (number.isPresent()) {
            credentials = (reveal
                            ? revealCredentials.reveal(tenant, number.get(), caller.actor())
                            : configLoader.resolve(tenant, number.get()))
                    .orElseThrow(() -> new ApiException(
                            404, "The tenant has no active configuration with the phone number " + number.get()));
        } else if (account.isPresent()) {
            credentials = (reveal
                            ? revealCredentials.revealAccount(tenant, account.get(), caller.actor())
                            : configLoader.resolveAccount(tenant, account.get()))
                    .orElseThrow(() -> new ApiException(
                            404,
                            "The tenant has no active configuration with a number in the WhatsApp Business Account "
                                    + account.get()));
        } else {
            credentials = reveal ? revealCredentials.reveal(tenant, caller.actor()) : configLoader.resolve(tenant);
        }
        Response.ResponseBuilder answer =
                Response.ok(ResolvedView.of(credentials, reveal, capacityOf(tenant, credentials)));
        return reveal ? answer.header(HttpHeaders.CACHE_CONTROL, "no-store").build() : answer.build();
    }

    /**
     * How fast the resolved number may send, from the number directory's memory: Meta's default
     * (80 a second, nothing else said) for a number the tenant does not hold (the environment's)
     * or while the directory cannot answer; {@code null} when no number is resolved.
     */
    private CapacityView capacityOf(TenantId tenant, ResolvedCredentials credentials) {
        String number = credentials.value(CredentialField.PHONE_NUMBER_ID).value();
        if (number == null) {
            return null;
        }
        try {
            return configLoader
                    .ownerOfNumber(MetaId.parse(number))
                    .filter(owner -> owner.tenantId().equals(tenant))
                    .map(CapacityView::of)
                    .orElse(CapacityView.UNKNOWN);
        } catch (InvalidValueException | StoreUnavailableException e) {
            return CapacityView.UNKNOWN;
        }
    }

    private static Optional<MetaId> idOf(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Parameters.required(name, value, MetaId::parse));
    }
}
