package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/** A tenant removes one of its numbers; the default only when it is the last one. */
public interface RemovePhoneNumberUseCase {

    WriteResult removePhoneNumber(Command command);

    record Command(TenantId tenantId, Actor actor, MetaId phoneNumberId, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(phoneNumberId, "phoneNumberId");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
