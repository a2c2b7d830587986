package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.TenantConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An onboarding call as a signup session: finished when the run completed; failed otherwise, at
 * the step that failed with Meta's code, message and {@code fbtrace_id}, or at {@link #STORE} when
 * the rules refused the signup or another request changed the configuration under the run. The
 * accounts the request named are kept whatever the outcome (they are not secret, and they let
 * Meta's later word on a signup find its session); they and the number count as produced once
 * its token was stored. Built from the command's ids and the result only: the code, token and
 * PIN never reach it.
 */
final class OnboardingSession {

    /** The step a signup fails at when its token could not be stored, or a step could not be. */
    static final String STORE = "store_signup";

    private OnboardingSession() {}

    static SignupSession of(OnboardUseCase.Command command, OnboardingResult result, Instant started, Instant ended) {
        SignupAccount account = command.account();
        List<String> accounts = new ArrayList<>();
        accounts.add(account.wabaId().value());
        account.sharedWabaIds().forEach(id -> accounts.add(id.value()));
        List<String> numbers = account.phoneNumberId() == null
                ? List.of()
                : List.of(account.phoneNumberId().value());
        Produced produced = result.match(new OnboardingResult.Cases<>() {
            @Override
            public Produced completed(TenantConfig config) {
                return new Produced(new SignupOutcome.Finished(), true);
            }

            @Override
            public Produced alreadyCompleted(TenantConfig config) {
                return new Produced(new SignupOutcome.Finished(), true);
            }

            @Override
            public Produced stepFailed(OnboardingResult.StepFailed failed) {
                MetaFailure failure = failed.failure();
                return new Produced(
                        new SignupOutcome.Failed(
                                failed.step().name().toLowerCase(Locale.ROOT),
                                failure.code() == null ? null : failure.code().toString(),
                                failure.message(),
                                failure.fbtraceId()),
                        failed.tokenSaved());
            }

            @Override
            public Produced nothingToResume(OnboardingStatus status) {
                return new Produced(
                        new SignupOutcome.Failed(STORE, null, "nothing to resume (status " + status + ")", null),
                        false);
            }

            @Override
            public Produced notFound() {
                return new Produced(new SignupOutcome.Failed(STORE, null, "no configuration", null), false);
            }

            @Override
            public Produced interrupted() {
                return new Produced(
                        new SignupOutcome.Failed(
                                STORE,
                                null,
                                "the configuration was changed or deleted by another request while onboarding ran",
                                null),
                        true);
            }

            @Override
            public Produced refused(Refusal refusal) {
                return new Produced(new SignupOutcome.Failed(STORE, null, refusal.detail(), null), false);
            }
        });
        return new SignupSession(
                command.tenantId(),
                command.sessionId(),
                started,
                ended.isBefore(started) ? started : ended,
                produced.outcome(),
                account.finish().name(),
                accounts,
                produced.stored() ? accounts : List.of(),
                produced.stored() ? numbers : List.of());
    }

    /** How it ended, and whether the signup's accounts and number were stored. */
    private record Produced(SignupOutcome outcome, boolean stored) {}
}
