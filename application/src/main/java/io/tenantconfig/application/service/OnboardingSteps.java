package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.OnboardingStep;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.TokenInspection;
import io.tenantconfig.domain.DomainEvent.ReauthorizationRequired.FoundBy;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The onboarding steps after the code exchange, run with the stored token: check it, subscribe the
 * app to the WABA (with the tenant's own callback URL when {@code PUBLIC_BASE_URL} is set), register
 * the phone number (when the signup named one that is not a WhatsApp Business app's), mark the
 * configuration onboarded. Each step that
 * succeeds is stored at once (its own transaction), so a failure keeps what was done and
 * {@code resume} carries on from the next step.
 */
final class OnboardingSteps {

    private final LockedWrite write;
    private final MetaOnboarding meta;
    private final OnboardingPolicy policy;
    private final RegistrationPins pins;
    private final WebhookEndpoints endpoints;
    private final Clock clock;

    OnboardingSteps(
            LockedWrite write,
            MetaOnboarding meta,
            OnboardingPolicy policy,
            WebhookEndpoints endpoints,
            RandomGenerator random,
            Clock clock) {
        this.write = write;
        this.meta = meta;
        this.policy = policy;
        this.endpoints = endpoints;
        this.pins = new RegistrationPins(random);
        this.clock = clock;
    }

    OnboardingResult runFrom(TenantConfig start, Actor actor) {
        Run run = new Run(start, actor);
        try {
            TokenInspection inspection = call(OnboardingStep.VERIFY_TOKEN, () -> meta.inspectToken(run.token));
            if (!inspection.valid()) {
                throw new StepFailure(
                        OnboardingStep.VERIFY_TOKEN,
                        MetaFailure.of(
                                MetaFailure.Kind.TOKEN_INVALID, "Meta reports that the token is no longer valid"));
            }
            // The type decides whether health checks may extend the token (TokenRefreshPolicy).
            TenantConfig config = run.store(c ->
                    c.tokenVerified(run.wabaId, inspection.expiresAt(), inspection.type(), inspection.scopes(), clock));

            if (policy.subscribeWaba() && config.onboarding().status() == OnboardingStatus.TOKEN_EXCHANGED) {
                TenantConfig subscribing = config;
                Optional<WebUrl> callback = endpoints.callbackUrl(subscribing.tenantId());
                Optional<VerifyToken> verifyToken = endpoints.verifyTokenFor(subscribing);
                List<MetaId> signedUp = run.signedUpAccounts(subscribing);
                call(OnboardingStep.SUBSCRIBE_WABA, () -> {
                    for (MetaId wabaId : signedUp) {
                        meta.subscribeApp(wabaId, run.token);
                        if (callback.isPresent() && verifyToken.isPresent()) {
                            // Meta sends this account's changes to the tenant's own URL from now on.
                            meta.overrideCallback(wabaId, run.token, callback.get(), verifyToken.get());
                        }
                    }
                    return null;
                });
                config = run.store(c -> c.webhookSubscribed(signedUp, clock));
            }

            // A signup without a number has none to register; a WhatsApp Business app's number
            // (coexistence) must never be registered again: the app holds its registration.
            boolean registrable = config.onboardingNumber()
                    .filter(number -> !number.coexistence())
                    .isPresent();
            if (policy.registerPhone()
                    && registrable
                    && config.onboarding().status() != OnboardingStatus.PHONE_REGISTERED
                    && awaitsVerification(config, run)) {
                // A v4 signup can finish with a number Meta has not verified: it cannot be registered
                // before a code sent to it is entered, through the service (request-code, verify-code).
                config = run.store(c -> c.onboardingNumberUnverified(clock));
            } else if (policy.registerPhone()
                    && registrable
                    && config.onboarding().status() != OnboardingStatus.PHONE_REGISTERED) {
                if (pinOf(config) == null) {
                    // Stored before Meta sees it: the number is never registered with a PIN we lost.
                    Secret pin = pins.next();
                    config = run.store(
                            c -> pinOf(c) == null ? c.registrationPinChosen(pin, clock) : new Outcome.Unchanged());
                }
                PhoneNumber registering = config.onboardingNumber().orElseThrow();
                call(OnboardingStep.REGISTER_PHONE, () -> {
                    meta.registerPhone(registering.id(), registering.registrationPin(), run.token);
                    return null;
                });
                config = run.store(c -> c.phoneRegistered(clock));
            }

            return new OnboardingResult.Completed(run.store(c -> c.onboardingCompleted(clock)));
        } catch (StepFailure failure) {
            if (failure.failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
                try {
                    run.store(c -> c.reauthorizationRequired(FoundBy.ONBOARDING, clock));
                } catch (Interrupted interrupted) {
                    // Deleted or re-authorized meanwhile: there is nothing left to mark.
                }
            }
            return new OnboardingResult.StepFailed(failure.step, failure.failure, true);
        } catch (Interrupted interrupted) {
            return new OnboardingResult.Interrupted();
        }
    }

    /** Whether Meta says the number to register has to be verified first; asked as part of the registration step. */
    private boolean awaitsVerification(TenantConfig config, Run run) {
        PhoneNumber number = config.onboardingNumber().orElseThrow();
        return call(OnboardingStep.REGISTER_PHONE, () -> meta.awaitsVerification(number.id(), run.token));
    }

    /** The PIN of the number being onboarded (the run stops before any step when the number is gone). */
    private static Secret pinOf(TenantConfig config) {
        return config.onboardingNumber().orElseThrow().registrationPin();
    }

    private static <T> T call(OnboardingStep step, MetaCall<T> call) {
        try {
            return call.run();
        } catch (MetaCallFailedException e) {
            throw new StepFailure(step, e.failure());
        }
    }

    /** One run: the account and token it works with (the signed-up number's), and who it is recorded as. */
    private final class Run {
        private final TenantConfig start;
        private final MetaId wabaId;
        private final Secret token;
        private final Actor actor;

        Run(TenantConfig start, Actor actor) {
            this.start = start;
            this.wabaId = start.onboardingAccount().wabaId();
            this.token = start.onboardingAccount().token().accessToken();
            this.actor = actor;
        }

        /**
         * The accounts this run's signup shared: the signed-up number's first, then every other
         * account holding the signup's token (the signup's {@code waba_ids}).
         */
        List<MetaId> signedUpAccounts(TenantConfig config) {
            List<MetaId> accounts = new ArrayList<>(List.of(wabaId));
            config.accounts().all().stream()
                    .filter(account -> account.wabaId() != null && !account.is(wabaId))
                    .filter(account -> token.equals(account.token().accessToken()))
                    .forEach(account -> accounts.add(account.wabaId()));
            return accounts;
        }

        /**
         * Stores a step on the configuration as it is now. A run only ever records steps for the
         * token it works with: when the configuration is gone, its token replaced, or the ids a
         * step needs removed, the run stops.
         */
        TenantConfig store(Function<TenantConfig, Outcome> step) {
            return write.apply(start.tenantId(), ExpectedVersion.any(), actor, current -> {
                        if (!token.equals(current.onboardingAccount().token().accessToken())
                                || !current.holdsWhatOnboardingNeeds()) {
                            throw new Interrupted();
                        }
                        return step.apply(current);
                    })
                    .match(
                            config -> config,
                            () -> {
                                throw new Interrupted();
                            },
                            version -> {
                                throw new IllegalStateException("a write that expects no version cannot mismatch");
                            },
                            refusal -> {
                                throw new IllegalStateException("an onboarding step breaks no rule: " + refusal);
                            });
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
