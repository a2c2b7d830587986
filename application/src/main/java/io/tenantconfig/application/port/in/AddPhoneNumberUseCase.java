package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/**
 * A tenant adds a phone number of its WhatsApp Business Account; the first one becomes the
 * default. Refused when another tenant has the number, the tenant has it already, or has as many
 * as it may.
 */
public interface AddPhoneNumberUseCase {

    WriteResult addPhoneNumber(Command command);

    record Command(TenantId tenantId, Actor actor, PhoneNumber number, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
