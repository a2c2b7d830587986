package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumberUpdate;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/** A tenant relabels one of its numbers, takes it out of use (or back), or makes it the default. */
public interface ChangePhoneNumberUseCase {

    WriteResult changePhoneNumber(Command command);

    record Command(
            TenantId tenantId, Actor actor, MetaId phoneNumberId, PhoneNumberUpdate update, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(phoneNumberId, "phoneNumberId");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
