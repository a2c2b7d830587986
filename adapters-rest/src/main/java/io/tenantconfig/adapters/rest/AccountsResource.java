package io.tenantconfig.adapters.rest;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.RemoveAccountUseCase;
import io.tenantconfig.application.port.in.SetAccountTokenUseCase;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.application.port.in.ViewHealthUseCase;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.Health;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The calling tenant's WhatsApp Business Accounts: listed with their numbers, one account's
 * token set, one account removed with its numbers. Each write is a change to the tenant's
 * configuration: it honours the configuration's {@code ETag} in {@code If-Match}, answers with the
 * new one, is audited and announced like any other change. No answer holds a secret.
 * {@link AdminAccountsResource} gives admins the same, for a tenant named in the path.
 */
@Path(AccountsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Accounts", description = "The calling tenant's WhatsApp Business Accounts")
public final class AccountsResource {

    static final String PATH = "/api/v1/tenant/config/accounts";

    private final Answers answers;

    AccountsResource(Answers answers) {
        this.answers = answers;
    }

    @GET
    @Operation(
            summary = "The tenant's WhatsApp Business Accounts, in the order they were added, the primary one"
                    + " marked is_default, each with its numbers; no secret")
    public Response list(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return answers.list(caller.requireTenant());
    }

    @GET
    @Path("/{waba_id}")
    @Operation(summary = "One of the tenant's WhatsApp Business Accounts")
    public Response get(@Parameter(hidden = true) @Auth CallerPrincipal caller, @PathParam("waba_id") String wabaId) {
        return answers.one(caller.requireTenant(), accountInPath(wabaId));
    }

    @PUT
    @Path("/{waba_id}/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set one account's access token (and its expiry); the other accounts keep theirs."
                    + " Honours If-Match.")
    public Response setToken(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("waba_id") String wabaId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) AccountTokenRequest body) {
        return answers.setToken(
                caller.requireTenant(), caller.actor(), accountInPath(wabaId), body, VersionTags.expected(ifMatch));
    }

    @DELETE
    @Path("/{waba_id}")
    @Operation(
            summary = "Remove an account with its numbers; 409 while it holds the default number and another"
                    + " account has numbers. Honours If-Match.")
    public Response remove(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @PathParam("waba_id") String wabaId) {
        return answers.remove(
                caller.requireTenant(), caller.actor(), accountInPath(wabaId), VersionTags.expected(ifMatch));
    }

    /** An account id in a path: 422 naming {@code waba_id} when it is not 1 to 32 digits, as in a body. */
    static MetaId accountInPath(String value) {
        return Parameters.required("waba_id", value, MetaId::parse);
    }

    /** The answers of the account endpoints, for the tenant's own and the admins' alike. */
    static final class Answers {

        private final ViewConfigUseCase viewConfig;
        private final ViewHealthUseCase viewHealth;
        private final SetAccountTokenUseCase setAccountToken;
        private final RemoveAccountUseCase removeAccount;

        Answers(
                ViewConfigUseCase viewConfig,
                ViewHealthUseCase viewHealth,
                SetAccountTokenUseCase setAccountToken,
                RemoveAccountUseCase removeAccount) {
            this.viewConfig = viewConfig;
            this.viewHealth = viewHealth;
            this.setAccountToken = setAccountToken;
            this.removeAccount = removeAccount;
        }

        /** 200 with every account and the configuration's ETag. */
        Response list(TenantId tenant) {
            TenantConfig config = viewConfig.view(tenant).orElseThrow(ConfigResponses::notFound);
            return Response.ok(AccountView.AccountList.of(config, viewHealth.health(tenant)))
                    .tag(VersionTags.of(config.version()))
                    .build();
        }

        /** 200 with the account and the configuration's ETag; 404 when it is not the tenant's. */
        Response one(TenantId tenant, MetaId wabaId) {
            TenantConfig config = viewConfig.view(tenant).orElseThrow(ConfigResponses::notFound);
            return Response.ok(viewOf(config, wabaId))
                    .tag(VersionTags.of(config.version()))
                    .build();
        }

        /** 200 with the account as the change left it and the new ETag. */
        Response setToken(
                TenantId tenant, Actor actor, MetaId wabaId, AccountTokenRequest body, ExpectedVersion expected) {
            AccountTokenRequest.Token token = body.toToken();
            TenantConfig config =
                    ConfigResponses.written(setAccountToken.setAccountToken(new SetAccountTokenUseCase.Command(
                            tenant, actor, wabaId, token.accessToken(), token.expiresAt(), expected)));
            return Response.ok(viewOf(config, wabaId))
                    .tag(VersionTags.of(config.version()))
                    .build();
        }

        /** 204 with the new ETag. */
        Response remove(TenantId tenant, Actor actor, MetaId wabaId, ExpectedVersion expected) {
            TenantConfig config = ConfigResponses.written(
                    removeAccount.removeAccount(new RemoveAccountUseCase.Command(tenant, actor, wabaId, expected)));
            return Response.noContent().tag(VersionTags.of(config.version())).build();
        }

        private AccountView viewOf(TenantConfig config, MetaId wabaId) {
            Optional<Health> health = viewHealth.health(config.tenantId());
            return config.accounts()
                    .find(wabaId)
                    .map(account -> AccountView.of(config, account, health))
                    .orElseThrow(() -> new ApiException(
                            404, "The WhatsApp Business Account " + wabaId + " is not one of this configuration's"));
        }
    }
}
