package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NewPhoneNumber;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/**
 * A tenant has Meta create a phone number in one of its WhatsApp Business Accounts, with the
 * account's token, and keeps it under Meta's id, unverified and not in use until it is verified
 * ({@link VerifyPhoneNumberUseCase}). The rules are checked before Meta is called: the tenant
 * names an account of its own with a token, and has room for another number.
 */
public interface CreatePhoneNumberUseCase {

    NumberStepResult create(Command command);

    /** @param wabaId the account to create the number in; {@code null}: the tenant's only one */
    record Command(TenantId tenantId, Actor actor, MetaId wabaId, NewPhoneNumber number, NumberLabel label) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(number, "number");
        }
    }
}
