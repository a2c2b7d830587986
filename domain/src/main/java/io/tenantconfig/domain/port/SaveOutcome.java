package io.tenantconfig.domain.port;

import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;

/** What storing a configuration did. Refusals are values, not exceptions: callers must handle each. */
public sealed interface SaveOutcome {

    record Saved(TenantConfig config) implements SaveOutcome {
    }

    record AlreadyExists(TenantId tenantId) implements SaveOutcome {
    }

    /** The stored version is no longer the one the change was based on. */
    record VersionConflict(TenantId tenantId, int currentVersion) implements SaveOutcome, DeleteOutcome {
    }

    record NotFound(TenantId tenantId) implements SaveOutcome, DeleteOutcome {
    }
}
