package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.ResumeOnboardingUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.Limits;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Embedded Signup: a tenant's signup code exchanged with Meta for a token, the account and number
 * stored, then the policy's steps (subscribing the app, pointing the account's webhooks at this
 * service, registering the number); and resuming the steps that failed.
 */
public final class OnboardingFeature {

    private final OnboardUseCase onboard;
    private final ResumeOnboardingUseCase resumeOnboarding;

    /**
     * @param fallback and {@code webhookKeys}: where the account's webhooks are pointed (the tenant's callback URL)
     * @param limits the most phone numbers and accounts a tenant may have
     * @param random where registration PINs come from ({@code SecureRandom} in production)
     */
    public OnboardingFeature(
            ConfigStore store,
            MetaOnboarding meta,
            CredentialFallback fallback,
            WebhookKeys webhookKeys,
            OnboardingPolicy policy,
            Limits limits,
            RandomGenerator random,
            Clock clock) {
        OnboardingSteps steps = new OnboardingSteps(
                new LockedWrite(store), meta, policy, new WebhookEndpoints(fallback, webhookKeys), random, clock);
        this.onboard = new OnboardService(store, meta, steps, policy, limits, clock);
        this.resumeOnboarding = new ResumeOnboardingService(store, steps);
    }

    public OnboardUseCase onboard() {
        return onboard;
    }

    public ResumeOnboardingUseCase resumeOnboarding() {
        return resumeOnboarding;
    }
}
