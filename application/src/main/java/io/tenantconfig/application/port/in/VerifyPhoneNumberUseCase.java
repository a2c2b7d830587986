package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerificationCode;
import java.util.Objects;

/**
 * The tenant enters the code one of its numbers received: Meta verifies it, then the service
 * registers the number for the Cloud API with a PIN it chooses and keeps (as onboarding does),
 * and the number is put in use. Each step is stored as it succeeds: a number Meta verified whose
 * registration failed stays verified, and verifying it again only registers it.
 */
public interface VerifyPhoneNumberUseCase {

    NumberStepResult verify(Command command);

    /** @param code the code the number received; {@code null} only to retry the registration of a number awaiting none */
    record Command(TenantId tenantId, Actor actor, MetaId phoneNumberId, VerificationCode code) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        }
    }
}
