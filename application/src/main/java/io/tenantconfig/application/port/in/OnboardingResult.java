package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.util.Objects;

/** What an onboarding run came to. Taken apart with {@link #match}, one handler per case. */
public sealed interface OnboardingResult {

    <R> R match(Cases<R> cases);

    /** A handler for every outcome. */
    interface Cases<R> {
        R completed(TenantConfig config);

        R alreadyCompleted(TenantConfig config);

        R stepFailed(StepFailed failed);

        R nothingToResume(OnboardingStatus status);

        R notFound();

        R interrupted();

        R refused(Refusal refusal);
    }

    /** Every step succeeded; the configuration as stored. */
    record Completed(TenantConfig config) implements OnboardingResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.completed(config);
        }
    }

    /** Resume found nothing left to do. */
    record AlreadyCompleted(TenantConfig config) implements OnboardingResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.alreadyCompleted(config);
        }
    }

    /**
     * A call to Meta failed. When {@code tokenSaved}, the token obtained earlier is stored and the
     * configuration records the last step that succeeded, so the run can be resumed.
     */
    record StepFailed(OnboardingStep step, MetaFailure failure, boolean tokenSaved) implements OnboardingResult {
        public StepFailed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.stepFailed(this);
        }
    }

    /** Resume has nothing to work on: the configuration was set up by hand, or needs a new signup. */
    record NothingToResume(OnboardingStatus status) implements OnboardingResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.nothingToResume(status);
        }
    }

    /** Resume for a tenant without a configuration. */
    record NotFound() implements OnboardingResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.notFound();
        }
    }

    /**
     * The signup names a number or account another tenant has, or a number one too many; the
     * token from the exchange was not stored.
     */
    record Refused(Refusal refusal) implements OnboardingResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.refused(refusal);
        }
    }

    /** The configuration was deleted, or its token replaced, by another request while the run was storing a step. */
    record Interrupted() implements OnboardingResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.interrupted();
        }
    }
}
