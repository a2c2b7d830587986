package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.OnboardingStep;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AlreadyOwnedException;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.SignupSessions;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.Changed;
import io.tenantconfig.domain.Limits;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Finishes Meta's Embedded Signup: exchanges the code (once, never retried), stores the token at
 * once (a new configuration, or the existing one re-authorized, its signed-up number added), then
 * runs the remaining steps. A signup the rules refuse (a number another tenant has, one number
 * too many) stores nothing. Every call ends as one signup session, recorded here where its
 * outcome is decided; a session that cannot be stored does not change the answer.
 */
final class OnboardService implements OnboardUseCase {

    private static final System.Logger LOG = System.getLogger(OnboardService.class.getName());

    private final ConfigStore store;
    private final SignupSessions sessions;
    private final MetaOnboarding meta;
    private final OnboardingSteps steps;
    private final OnboardingPolicy policy;
    private final Limits limits;
    private final Clock clock;

    OnboardService(
            ConfigStore store,
            SignupSessions sessions,
            MetaOnboarding meta,
            OnboardingSteps steps,
            OnboardingPolicy policy,
            Limits limits,
            Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.meta = meta;
        this.steps = steps;
        this.policy = policy;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public OnboardingResult onboard(Command command) {
        Instant started = clock.instant();
        OnboardingResult result = run(command);
        try {
            // Meta's install may have come before the failure is recorded: the session takes it then.
            sessions.record(
                    OnboardingSession.of(command, result, started, clock.instant()),
                    started.minus(ReceiveWebhookService.SIGNUP_WINDOW));
        } catch (RuntimeException e) {
            // The signup's outcome stands; only its record is missing. The message names no secret.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Could not record the signup session of tenant {0}: {1}",
                    command.tenantId().value(),
                    e.getClass().getSimpleName());
        }
        return result;
    }

    private OnboardingResult run(Command command) {
        AccessGrant grant;
        try {
            grant = meta.exchangeCode(
                    command.code(),
                    policy.forwardRedirectUri() ? command.account().redirectUrl() : null);
        } catch (MetaCallFailedException e) {
            return new OnboardingResult.StepFailed(OnboardingStep.EXCHANGE_CODE, e.failure(), false);
        }
        WriteResult stored;
        try {
            stored = store.inTransaction(tx -> storeToken(tx, command, grant));
        } catch (AlreadyOwnedException e) {
            return new OnboardingResult.Refused(LockedWrite.taken(e));
        }
        return stored.match(
                config -> steps.runFrom(config, command.actor()),
                OnboardingResult.Interrupted::new,
                version -> {
                    throw new IllegalStateException("a signup expects no version");
                },
                OnboardingResult.Refused::new);
    }

    /**
     * A new configuration from the signup, or the tenant's existing one re-authorized with it (which
     * the rules may refuse); not found when another request created one and deleted it meanwhile.
     */
    private WriteResult storeToken(ConfigStore.Transaction tx, Command command, AccessGrant grant) {
        Optional<TenantConfig> current = tx.lock(command.tenantId());
        if (current.isEmpty()) {
            Outcome outcome = TenantConfig.onboard(
                    command.tenantId(), command.actor().user(), command.account(), grant, limits, clock);
            if (outcome instanceof Refusal refusal) {
                return new WriteResult.Refused(refusal);
            }
            if (!(outcome instanceof Changed onboarded)) {
                throw new IllegalStateException("a first signup always changes something");
            }
            Optional<TenantConfig> inserted = tx.insertIfAbsent(onboarded.config());
            if (inserted.isPresent()) {
                LockedWrite.record(tx, command.actor(), onboarded);
                return new WriteResult.Done(inserted.get());
            }
            // Created by another request since the lock found nothing: re-authorize that one.
            current = tx.lock(command.tenantId());
            if (current.isEmpty()) {
                return new WriteResult.NotFound();
            }
        }
        TenantConfig existing = current.get();
        return LockedWrite.written(
                tx,
                command.actor(),
                existing,
                existing.reauthorize(command.actor().user(), command.account(), grant, limits, clock));
    }
}
