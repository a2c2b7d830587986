package io.tenantconfig.domain;

/**
 * What activating or deactivating did. Asking for the state a configuration is already in is not an
 * error, but it changes nothing: no new version, nothing to store.
 */
public sealed interface ActivationResult {

    TenantConfig config();

    /** The configuration moved to the requested state and must be stored. */
    record Switched(TenantConfig config) implements ActivationResult {
    }

    /** The configuration was already in the requested state; nothing changed. */
    record AlreadyInState(TenantConfig config) implements ActivationResult {
    }
}
