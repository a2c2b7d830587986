package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a step of bringing a number into use through the service ended: done, with the number; no
 * configuration; refused by the rules before Meta was called (nothing was changed); or Meta failed
 * at a step, with what was kept.
 */
public sealed interface NumberStepResult {

    <R> R match(
            Function<Done, R> done,
            Supplier<R> notFound,
            Function<Refusal, R> refused,
            Function<MetaFailed, R> metaFailed);

    /** The step is done: {@code config} as stored after it, holding the number {@code number}. */
    record Done(TenantConfig config, MetaId number) implements NumberStepResult {
        public Done {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public <R> R match(
                Function<Done, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed, R> metaFailed) {
            return done.apply(this);
        }
    }

    /** The tenant has no configuration. */
    record NotFound() implements NumberStepResult {
        @Override
        public <R> R match(
                Function<Done, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed, R> metaFailed) {
            return notFound.get();
        }
    }

    /** The rules refused the step before Meta was asked: nothing was changed. */
    record Refused(Refusal refusal) implements NumberStepResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R match(
                Function<Done, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed, R> metaFailed) {
            return refused.apply(refusal);
        }
    }

    /**
     * Meta failed at {@code step}. {@code number} is the number concerned ({@code null} when Meta
     * failed to create it), and {@code verified} whether it is verified now: a number Meta verified
     * before its registration failed stays verified, and only its registration is to be retried.
     */
    record MetaFailed(NumberStep step, MetaFailure failure, MetaId number, boolean verified)
            implements NumberStepResult {
        public MetaFailed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public <R> R match(
                Function<Done, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed, R> metaFailed) {
            return metaFailed.apply(this);
        }
    }
}
