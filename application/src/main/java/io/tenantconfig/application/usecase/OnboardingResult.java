package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.port.MetaFailure;

/** What an onboarding run came to. */
public sealed interface OnboardingResult {

    /** Every step succeeded; the configuration as stored. */
    record Completed(TenantConfig config) implements OnboardingResult {
    }

    /** Resume found nothing left to do. */
    record AlreadyCompleted(TenantConfig config) implements OnboardingResult {
    }

    /**
     * A call to Meta failed. When {@code tokenSaved}, the token obtained earlier is stored and the
     * configuration records the last step that succeeded, so the run can be resumed.
     */
    record StepFailed(OnboardingStep step, MetaFailure failure, boolean tokenSaved) implements OnboardingResult {
    }

    /** Resume has nothing to work on: the configuration was set up by hand, or needs a new signup. */
    record NothingToResume(OnboardingStatus status) implements OnboardingResult {
    }

    /** Resume for a tenant without a configuration. */
    record NotFound() implements OnboardingResult {
    }

    /** The configuration was changed or deleted by another request while the run was storing a step. */
    record Interrupted() implements OnboardingResult {
    }
}
