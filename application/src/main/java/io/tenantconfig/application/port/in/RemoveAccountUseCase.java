package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/**
 * A tenant removes one of its WhatsApp Business Accounts with the numbers in it; not the one
 * holding the default number while another account has numbers.
 */
public interface RemoveAccountUseCase {

    WriteResult removeAccount(Command command);

    record Command(TenantId tenantId, Actor actor, MetaId wabaId, ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
