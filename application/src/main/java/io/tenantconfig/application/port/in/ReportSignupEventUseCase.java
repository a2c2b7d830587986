package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;

/**
 * The page tells the service how a signup that did not finish ended in Meta's flow (the user
 * cancelled at a step, or reported an error): kept as the tenant's signup session. Meta is not
 * called; nothing else changes.
 */
public interface ReportSignupEventUseCase {

    void report(Command command);

    /** @param sessionId Meta's session id, {@code null} when the page had none */
    record Command(TenantId tenantId, String sessionId, PageEvent event) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(event, "event");
        }
    }

    /** What Meta's flow sent the page when it did not finish. */
    sealed interface PageEvent {

        /** How the session ended, as it is kept. */
        SignupOutcome outcome();

        /** The user closed the flow at {@code currentStep}: cancelled there. */
        record Cancelled(String currentStep) implements PageEvent {
            public Cancelled {
                Objects.requireNonNull(currentStep, "currentStep");
            }

            @Override
            public SignupOutcome outcome() {
                return new SignupOutcome.Cancelled(currentStep);
            }
        }

        /**
         * The user reported an error in the flow: Meta's message and its error id, if any. Kept as
         * failed at {@link #STEP}, Meta's flow rather than one of the service's steps.
         */
        record ErrorReported(String errorMessage, String errorCode) implements PageEvent {
            public static final String STEP = "embedded_signup";

            public ErrorReported {
                Objects.requireNonNull(errorMessage, "errorMessage");
            }

            @Override
            public SignupOutcome outcome() {
                return new SignupOutcome.Failed(STEP, errorCode, errorMessage, null);
            }
        }
    }
}
