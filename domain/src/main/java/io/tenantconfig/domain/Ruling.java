package io.tenantconfig.domain;

import java.util.function.Function;

/**
 * What a rule inside the aggregate allows (the numbers or settings after it), or its refusal: a
 * value like any other result, so a rule that refuses needs no one to catch it. Rules compose
 * with {@link #then}, the first refusal standing and no later rule running; {@link TenantConfig}
 * turns the last ruling into its {@link Outcome}.
 */
sealed interface Ruling<T> {

    static <T> Ruling<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> Ruling<T> refused(Refusal.Reason reason, String detail) {
        return new Refused<>(new Refusal(reason, detail));
    }

    /** The next rule, applied to what this one allows; after a refusal it never runs. */
    <U> Ruling<U> then(Function<? super T, Ruling<U>> next);

    /** What {@code ifAllowed} makes of the allowed value, or the refusal. */
    Outcome outcome(Function<? super T, ? extends Outcome> ifAllowed);

    /** What this rule allows made into something else, by a step that cannot refuse. */
    default <U> Ruling<U> map(Function<? super T, U> mapper) {
        return then(value -> allowed(mapper.apply(value)));
    }

    record Allowed<T>(T value) implements Ruling<T> {

        @Override
        public <U> Ruling<U> then(Function<? super T, Ruling<U>> next) {
            return next.apply(value);
        }

        @Override
        public Outcome outcome(Function<? super T, ? extends Outcome> ifAllowed) {
            return ifAllowed.apply(value);
        }
    }

    record Refused<T>(Refusal refusal) implements Ruling<T> {

        @Override
        public <U> Ruling<U> then(Function<? super T, Ruling<U>> next) {
            return new Refused<>(refusal);
        }

        @Override
        public Outcome outcome(Function<? super T, ? extends Outcome> ifAllowed) {
            return refusal;
        }
    }
}
