package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.ReportSignupEventUseCase;
import io.tenantconfig.application.port.in.ResumeOnboardingUseCase;
import io.tenantconfig.application.port.in.SignupSessionsAdminUseCase;
import io.tenantconfig.application.port.in.SignupSessionsUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.Limits;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Embedded Signup: a tenant's signup code exchanged with Meta for a token, the account and number
 * stored, then the policy's steps (subscribing the app, pointing the account's webhooks at this
 * service, registering the number); resuming the steps that failed; and the signup sessions:
 * each onboarding call and each event the page reports (a cancellation, an error in Meta's flow)
 * kept as one, read back by the tenant and by admins.
 */
public final class OnboardingFeature {

    private final OnboardUseCase onboard;
    private final ResumeOnboardingUseCase resumeOnboarding;
    private final ReportSignupEventUseCase reportSignupEvent;
    private final SignupSessionsUseCase signupSessions;
    private final SignupSessionsAdminUseCase signupSessionsAdmin;

    /**
     * @param sessions where each signup session is kept
     * @param fallback and {@code webhookKeys}: where the account's webhooks are pointed (the tenant's callback URL)
     * @param limits the most phone numbers and accounts a tenant may have
     * @param random where registration PINs come from ({@code SecureRandom} in production)
     */
    public OnboardingFeature(
            ConfigStore store,
            SignupSessions sessions,
            MetaOnboarding meta,
            CredentialFallback fallback,
            WebhookKeys webhookKeys,
            OnboardingPolicy policy,
            Limits limits,
            RandomGenerator random,
            Clock clock) {
        OnboardingSteps steps = new OnboardingSteps(
                new LockedWrite(store), meta, policy, new WebhookEndpoints(fallback, webhookKeys), random, clock);
        this.onboard = new OnboardService(store, sessions, meta, steps, policy, limits, clock);
        this.resumeOnboarding = new ResumeOnboardingService(store, steps);
        this.reportSignupEvent = new ReportSignupEventService(sessions, clock);
        this.signupSessions = new SignupSessionsService(sessions);
        this.signupSessionsAdmin = new SignupSessionsAdminService(sessions);
    }

    public OnboardUseCase onboard() {
        return onboard;
    }

    public ResumeOnboardingUseCase resumeOnboarding() {
        return resumeOnboarding;
    }

    public ReportSignupEventUseCase reportSignupEvent() {
        return reportSignupEvent;
    }

    public SignupSessionsUseCase signupSessions() {
        return signupSessions;
    }

    public SignupSessionsAdminUseCase signupSessionsAdmin() {
        return signupSessionsAdmin;
    }
}
