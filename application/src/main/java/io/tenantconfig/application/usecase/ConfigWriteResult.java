package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.TenantConfig;

/**
 * What a change to one tenant's configuration came to. Each refusal is a value the caller has to
 * handle, so none can be forgotten.
 */
public sealed interface ConfigWriteResult {

    /** The change was stored (or, for activation, nothing needed to change); the config as it is now. */
    record Done(TenantConfig config) implements ConfigWriteResult {
    }

    /** The tenant has no configuration. */
    record NotFound() implements ConfigWriteResult {
    }

    /** The tenant already has a configuration (create only). */
    record AlreadyExists() implements ConfigWriteResult {
    }

    /** The caller's expected version (If-Match) is not the current one. */
    record VersionMismatch(int currentVersion) implements ConfigWriteResult {
    }
}
