package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.usecase.ConfigWriteResult;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.port.ExpectedVersion;
import jakarta.ws.rs.core.Response;

/** The API's answers about one configuration, with the messages the frontend already knows. */
final class ConfigResponses {

    static final String NOT_FOUND = "Tenant configuration not found";
    static final String ALREADY_EXISTS = "Configuration already exists for this tenant. Use PUT to update.";
    static final String CONCURRENT_CHANGE =
            "The configuration was changed by another request at the same time; read it again and retry.";

    private ConfigResponses() {
    }

    /** 200 with the masked configuration and its version as the ETag. */
    static Response ok(TenantConfig config) {
        return Response.ok(TenantConfigView.masked(config)).tag(VersionTags.of(config.version())).build();
    }

    static TenantConfig done(ConfigWriteResult result, ExpectedVersion expected) {
        if (result instanceof ConfigWriteResult.Done done) {
            return done.config();
        }
        if (result instanceof ConfigWriteResult.NotFound) {
            throw notFound();
        }
        if (result instanceof ConfigWriteResult.AlreadyExists) {
            throw new ApiException(409, ALREADY_EXISTS);
        }
        // A version mismatch is 412 when the caller asked for a version, 409 when it raced.
        throw expected.value().isPresent() ? VersionTags.mismatch() : new ApiException(409, CONCURRENT_CHANGE);
    }

    static ApiException notFound() {
        return new ApiException(404, NOT_FOUND);
    }
}
