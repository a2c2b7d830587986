package io.tenantconfig.domain.port;

import io.tenantconfig.domain.TenantConfig;

/**
 * What deleting a configuration did: {@link Deleted}, or one of the refusals it shares with
 * {@link SaveOutcome} ({@link SaveOutcome.VersionConflict}, {@link SaveOutcome.NotFound}).
 */
public sealed interface DeleteOutcome permits DeleteOutcome.Deleted, SaveOutcome.VersionConflict, SaveOutcome.NotFound {

    /** The configuration as it was just before it was deleted. */
    record Deleted(TenantConfig config) implements DeleteOutcome {
    }
}
