package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/** Runs the onboarding steps not yet done, with the stored token: no new signup code needed. */
public interface ResumeOnboardingUseCase {

    OnboardingResult resume(Command command);

    record Command(TenantId tenantId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
