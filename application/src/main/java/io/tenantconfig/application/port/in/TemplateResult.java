package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a change to a template at Meta ended: done in the account {@code wabaId} with Meta's
 * answer; no configuration; refused before Meta was asked (no account to use); or Meta failed.
 * Nothing is stored here either way: Meta holds the templates.
 */
public sealed interface TemplateResult<T> {

    <R> R match(
            Function<Done<T>, R> done,
            Supplier<R> notFound,
            Function<Refusal, R> refused,
            Function<MetaFailed<T>, R> metaFailed);

    record Done<T>(MetaId wabaId, T answer) implements TemplateResult<T> {
        public Done {
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public <R> R match(
                Function<Done<T>, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed<T>, R> metaFailed) {
            return done.apply(this);
        }
    }

    record NotFound<T>() implements TemplateResult<T> {
        @Override
        public <R> R match(
                Function<Done<T>, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed<T>, R> metaFailed) {
            return notFound.get();
        }
    }

    record Refused<T>(Refusal refusal) implements TemplateResult<T> {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R match(
                Function<Done<T>, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed<T>, R> metaFailed) {
            return refused.apply(refusal);
        }
    }

    /** Meta refused or did not answer for the account {@code wabaId}: nothing changed at Meta that we know of. */
    record MetaFailed<T>(MetaId wabaId, MetaFailure failure) implements TemplateResult<T> {
        public MetaFailed {
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public <R> R match(
                Function<Done<T>, R> done,
                Supplier<R> notFound,
                Function<Refusal, R> refused,
                Function<MetaFailed<T>, R> metaFailed) {
            return metaFailed.apply(this);
        }
    }
}
