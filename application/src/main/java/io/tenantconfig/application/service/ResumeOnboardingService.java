package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.ResumeOnboardingUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.TenantConfig;
import java.util.Optional;

final class ResumeOnboardingService implements ResumeOnboardingUseCase {

    private final ConfigStore store;
    private final OnboardingSteps steps;

    ResumeOnboardingService(ConfigStore store, OnboardingSteps steps) {
        this.store = store;
        this.steps = steps;
    }

    @Override
    public OnboardingResult resume(Command command) {
        Optional<TenantConfig> found = store.load(command.tenantId());
        if (found.isEmpty()) {
            return new OnboardingResult.NotFound();
        }
        TenantConfig config = found.get();
        OnboardingStatus status = config.onboarding().status();
        if (status == OnboardingStatus.COMPLETED) {
            return new OnboardingResult.AlreadyCompleted(config);
        }
        if (!status.isResumable() || !config.holdsWhatOnboardingNeeds()) {
            return new OnboardingResult.NothingToResume(status);
        }
        return steps.runFrom(config, command.actor());
    }
}
