package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.profile.ProfileChange;
import java.util.Objects;

/**
 * Meta changes a tenant's number's business profile, with the number's account's token; audited
 * as {@code actor}'s, then read back from Meta and kept.
 */
public interface ChangeBusinessProfileUseCase {

    ProfileResult change(Command command);

    record Command(TenantId tenantId, Actor actor, MetaId phoneNumberId, ProfileChange change) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(phoneNumberId, "phoneNumberId");
            Objects.requireNonNull(change, "change");
            if (change.isEmpty()) {
                throw new IllegalArgumentException("a change sets at least one field");
            }
        }
    }
}
