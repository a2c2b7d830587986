package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.port.in.WriteResult;
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

    /** The configuration a change left; 404 when there was none, 412 when If-Match named another version. */
    static TenantConfig written(WriteResult result) {
        return result.match(
                config -> config,
                () -> {
                    throw notFound();
                },
                currentVersion -> {
                    throw VersionTags.mismatch();
                });
    }

    static ApiException notFound() {
        return new ApiException(404, NOT_FOUND);
    }
}
