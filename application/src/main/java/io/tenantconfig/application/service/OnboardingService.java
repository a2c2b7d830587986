package io.tenantconfig.application.service;

import io.tenantconfig.application.usecase.ConfigWriteResult;
import io.tenantconfig.application.usecase.OnboardWhatsAppClientUseCase;
import io.tenantconfig.application.usecase.OnboardingPolicy;
import io.tenantconfig.application.usecase.OnboardingResult;
import io.tenantconfig.application.usecase.OnboardingStep;
import io.tenantconfig.application.usecase.ResumeOnboardingUseCase;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.ExpectedVersion;
import io.tenantconfig.domain.port.MetaCallFailedException;
import io.tenantconfig.domain.port.MetaFailure;
import io.tenantconfig.domain.port.MetaOnboarding;
import io.tenantconfig.domain.port.SaveOutcome;
import io.tenantconfig.domain.port.TenantConfigRepository;
import io.tenantconfig.domain.port.TokenInspection;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Finishes Meta's Embedded Signup: exchange the code (once, never retried), store the token at
 * once, then check the token, subscribe the app to the WABA, register the phone number and mark
 * the configuration onboarded, storing each step as it succeeds. A failure after the exchange
 * keeps the token and the last step reached, so {@link #resume} can carry on from there.
 */
public final class OnboardingService implements OnboardWhatsAppClientUseCase, ResumeOnboardingUseCase {

    private static final int PIN_BOUND = 1_000_000;

    private final TenantConfigRepository repository;
    private final MetaOnboarding meta;
    private final OnboardingPolicy policy;
    private final RandomGenerator random;
    private final Clock clock;

    public OnboardingService(TenantConfigRepository repository, MetaOnboarding meta, OnboardingPolicy policy,
            RandomGenerator random, Clock clock) {
        this.repository = repository;
        this.meta = meta;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public OnboardingResult onboard(OnboardWhatsAppClientUseCase.Command command) {
        AccessGrant grant;
        try {
            grant = meta.exchangeCode(command.code(), policy.forwardRedirectUri() ? command.account().redirectUrl() : null);
        } catch (MetaCallFailedException e) {
            return new OnboardingResult.StepFailed(OnboardingStep.EXCHANGE_CODE, e.failure(), false);
        }
        Optional<TenantConfig> saved = storeToken(command, grant);
        if (saved.isEmpty()) {
            return new OnboardingResult.Interrupted();
        }
        return remainingSteps(saved.get(), new OptimisticWriter(repository.onBehalfOf(command.actor())));
    }

    @Override
    public OnboardingResult resume(ResumeOnboardingUseCase.Command command) {
        Optional<TenantConfig> found = repository.findByTenant(command.tenantId());
        if (found.isEmpty()) {
            return new OnboardingResult.NotFound();
        }
        TenantConfig config = found.get();
        OnboardingStatus status = config.onboardingStatus();
        if (status == OnboardingStatus.COMPLETED) {
            return new OnboardingResult.AlreadyCompleted(config);
        }
        if (!isResumable(status) || config.accessToken() == null) {
            return new OnboardingResult.NothingToResume(status);
        }
        return remainingSteps(config, new OptimisticWriter(repository.onBehalfOf(command.actor())));
    }

    private static boolean isResumable(OnboardingStatus status) {
        return status == OnboardingStatus.TOKEN_EXCHANGED || status == OnboardingStatus.WEBHOOK_SUBSCRIBED
                || status == OnboardingStatus.PHONE_REGISTERED;
    }

    /** Stores the new token: a new configuration, or the existing one re-authorized. */
    private Optional<TenantConfig> storeToken(OnboardWhatsAppClientUseCase.Command command, AccessGrant grant) {
        String user = command.actor().subject();
        TenantConfigRepository audited = repository.onBehalfOf(command.actor());
        OptimisticWriter writer = new OptimisticWriter(audited);
        for (int attempt = 1; attempt <= OptimisticWriter.MAX_ATTEMPTS; attempt++) {
            if (repository.findByTenant(command.tenantId()).isEmpty()) {
                SaveOutcome inserted = audited.insert(
                        TenantConfig.onboard(command.tenantId(), user, command.account(), grant, clock));
                if (inserted instanceof SaveOutcome.Saved saved) {
                    return Optional.of(saved.config());
                }
                continue; // created meanwhile by another request: re-authorize it instead
            }
            ConfigWriteResult updated = writer.apply(command.tenantId(), ExpectedVersion.any(),
                    current -> Optional.of(current.reauthorize(user, command.account(), grant, clock)));
            if (updated instanceof ConfigWriteResult.Done done) {
                return Optional.of(done.config());
            }
        }
        return Optional.empty();
    }

    private OnboardingResult remainingSteps(TenantConfig start, OptimisticWriter writer) {
        TenantId tenant = start.tenantId();
        Secret token = start.accessToken();
        TenantConfig config = start;
        try {
            TokenInspection inspection = call(OnboardingStep.VERIFY_TOKEN, () -> meta.inspectToken(token));
            if (!inspection.valid()) {
                throw new StepFailure(OnboardingStep.VERIFY_TOKEN, MetaFailure.of(MetaFailure.Kind.TOKEN_INVALID,
                        "Meta reports that the token is no longer valid"));
            }
            config = store(writer, tenant, c -> c.tokenVerified(inspection.expiresAt(), clock));

            if (policy.subscribeWaba() && config.onboardingStatus() == OnboardingStatus.TOKEN_EXCHANGED) {
                TenantConfig subscribing = config;
                call(OnboardingStep.SUBSCRIBE_WABA, () -> {
                    meta.subscribeApp(subscribing.wabaId(), token);
                    return null;
                });
                config = store(writer, tenant, c -> c.onboardingReached(OnboardingStatus.WEBHOOK_SUBSCRIBED, clock));
            }

            if (policy.registerPhone() && config.onboardingStatus() != OnboardingStatus.PHONE_REGISTERED) {
                if (config.registrationPin() == null) {
                    // Stored before Meta sees it: the number is never registered with a PIN we lost.
                    Secret pin = newPin();
                    config = store(writer, tenant, c -> c.registrationPin() == null ? c.withRegistrationPin(pin, clock) : c);
                }
                TenantConfig registering = config;
                call(OnboardingStep.REGISTER_PHONE, () -> {
                    meta.registerPhone(registering.phoneNumberId(), registering.registrationPin(), token);
                    return null;
                });
                config = store(writer, tenant, c -> c.onboardingReached(OnboardingStatus.PHONE_REGISTERED, clock));
            }

            return new OnboardingResult.Completed(store(writer, tenant, c -> c.onboardingCompleted(clock)));
        } catch (StepFailure failure) {
            if (failure.failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
                writer.apply(tenant, ExpectedVersion.any(), c -> Optional.of(c.reauthorizationRequired(clock)));
            }
            return new OnboardingResult.StepFailed(failure.step, failure.failure, true);
        } catch (Interrupted interrupted) {
            return new OnboardingResult.Interrupted();
        }
    }

    private Secret newPin() {
        return Secret.of(ConfigField.REGISTRATION_PIN, String.format("%06d", random.nextInt(PIN_BOUND)));
    }

    private static TenantConfig store(OptimisticWriter writer, TenantId tenant, UnaryOperator<TenantConfig> step) {
        ConfigWriteResult result = writer.apply(tenant, ExpectedVersion.any(), c -> Optional.of(step.apply(c)));
        if (result instanceof ConfigWriteResult.Done done) {
            return done.config();
        }
        throw new Interrupted();
    }

    private static <T> T call(OnboardingStep step, MetaCall<T> call) {
        try {
            return call.run();
        } catch (MetaCallFailedException e) {
            throw new StepFailure(step, e.failure());
        }
    }

    @FunctionalInterface
    private interface MetaCall<T> {
        T run();
    }

    /** Unwinds the steps when a call to Meta fails; never leaves this class. */
    private static final class StepFailure extends RuntimeException {
        private final OnboardingStep step;
        private final MetaFailure failure;

        StepFailure(OnboardingStep step, MetaFailure failure) {
            super(null, null, false, false);
            this.step = step;
            this.failure = failure;
        }
    }

    /** Unwinds the steps when the configuration changed under them; never leaves this class. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }
}
