package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import jakarta.ws.rs.core.Response;

/** The API's answers about one configuration, with the messages the frontend already knows. */
final class ConfigResponses {

    static final String NOT_FOUND = "Tenant configuration not found";
    static final String ALREADY_EXISTS = "Configuration already exists for this tenant. Use PUT to update.";

    private ConfigResponses() {}

    /** 200 with the masked configuration and its version as the ETag. */
    static Response ok(TenantConfig config) {
        return Response.ok(TenantConfigView.masked(config))
                .tag(VersionTags.of(config.version()))
                .build();
    }

    /**
     * The configuration a change left; 404 when there was none, 412 when If-Match named another
     * version, and the status of its refusal when the rules refused it.
     */
    static TenantConfig written(WriteResult result) {
        return result.match(
                config -> config,
                () -> {
                    throw notFound();
                },
                currentVersion -> {
                    throw VersionTags.mismatch();
                },
                refusal -> {
                    throw refused(refusal);
                });
    }

    /**
     * A refusal as HTTP: 404 for a number or account the tenant does not have, 409 for one another tenant
     * has (never saying which) or a state that has to change first, 422 for a request that can
     * never succeed as it is. Nothing was changed.
     */
    static ApiException refused(Refusal refusal) {
        int status = switch (refusal.reason()) {
            case UNKNOWN_NUMBER, UNKNOWN_ACCOUNT -> 404;
            case TAKEN_BY_ANOTHER_TENANT,
                    ALREADY_ADDED,
                    ACCOUNT_ALREADY_ADDED,
                    DEFAULT_NUMBER_NEEDED,
                    NUMBERS_IN_ANOTHER_ACCOUNT,
                    NUMBER_NOT_VERIFIED,
                    NUMBER_REGISTERED -> 409;
            case TOO_MANY_NUMBERS, TOO_MANY_ACCOUNTS, ACCOUNT_NEEDED, INCOMPLETE -> 422;
        };
        return new ApiException(status, capitalized(refusal.detail()) + ". Nothing was changed.");
    }

    private static String capitalized(String detail) {
        return detail.isEmpty() ? detail : Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
    }

    static ApiException notFound() {
        return new ApiException(404, NOT_FOUND);
    }
}
