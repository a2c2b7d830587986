package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/**
 * A tenant finishes WhatsApp Embedded Signup: the code the frontend got from Meta is exchanged for
 * a token, which is stored at once, and the remaining steps run with it. A tenant that has a
 * configuration re-authorizes this way: its token is replaced, the rest of its settings kept.
 * Every call, whatever its outcome, is kept as one of the tenant's signup sessions.
 */
public interface OnboardUseCase {

    OnboardingResult onboard(Command command);

    /** @param sessionId Meta's session id for the signup, {@code null} when the page sent none */
    record Command(TenantId tenantId, Actor actor, SignupCode code, SignupAccount account, String sessionId) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(account, "account");
        }

        /** A signup without Meta's session id. */
        public Command(TenantId tenantId, Actor actor, SignupCode code, SignupAccount account) {
            this(tenantId, actor, code, account, null);
        }
    }
}
