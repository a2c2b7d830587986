package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.ResumeOnboardingUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.Onboarding;
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
        if (config.onboarding().isCompleted()) {
            return new OnboardingResult.AlreadyCompleted(config);
        }
        // A run in progress always holds the token, account and number it needs (the configuration
        // refuses one that does not), so there is nothing more to check before resuming it.
        if (!(config.onboarding() instanceof Onboarding.InProgress)) {
            return new OnboardingResult.NothingToResume(config.onboarding().status());
        }
        return steps.runFrom(config, command.actor());
    }
}
