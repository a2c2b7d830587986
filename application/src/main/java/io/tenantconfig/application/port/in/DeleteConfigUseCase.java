package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/** A tenant deletes its configuration, or an admin deletes a tenant's. */
public interface DeleteConfigUseCase {

    /** @return {@link WriteResult.Done} with the configuration as it was just before it was deleted */
    WriteResult delete(Command command);

    /** Who deletes: the audit trail tells a tenant's own deletion ({@code DELETE}) from an admin's ({@code DELETE_TENANT}). */
    enum Requester {
        TENANT,
        ADMIN
    }

    record Command(TenantId tenantId, Actor actor, ExpectedVersion expected, Requester requester) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(requester, "requester");
        }
    }
}
