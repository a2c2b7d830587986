package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What a change to one tenant's existing configuration came to. Callers take it apart with
 * {@link #match}, which has a handler for every case: a case added later is a compile error
 * at every caller, not a forgotten branch.
 */
public sealed interface WriteResult {

    <R> R match(
            Function<TenantConfig, R> done,
            Supplier<R> notFound,
            IntFunction<R> versionMismatch,
            Function<Refusal, R> refused);

    /** The change was made (or nothing needed to change): the configuration as it is now, or as it was when deleted. */
    record Done(TenantConfig config) implements WriteResult {
        @Override
        public <R> R match(
                Function<TenantConfig, R> done,
                Supplier<R> notFound,
                IntFunction<R> versionMismatch,
                Function<Refusal, R> refused) {
            return done.apply(config);
        }
    }

    /** The tenant has no configuration. */
    record NotFound() implements WriteResult {
        @Override
        public <R> R match(
                Function<TenantConfig, R> done,
                Supplier<R> notFound,
                IntFunction<R> versionMismatch,
                Function<Refusal, R> refused) {
            return notFound.get();
        }
    }

    /** The caller's expected version (If-Match) is not the current one; nothing changed. */
    record VersionMismatch(int currentVersion) implements WriteResult {
        @Override
        public <R> R match(
                Function<TenantConfig, R> done,
                Supplier<R> notFound,
                IntFunction<R> versionMismatch,
                Function<Refusal, R> refused) {
            return versionMismatch.apply(currentVersion);
        }
    }

    /**
     * The rules refused the change (a number another tenant has, one too many, the default
     * removed while others remain...); nothing changed.
     */
    record Refused(Refusal refusal) implements WriteResult {
        @Override
        public <R> R match(
                Function<TenantConfig, R> done,
                Supplier<R> notFound,
                IntFunction<R> versionMismatch,
                Function<Refusal, R> refused) {
            return refused.apply(refusal);
        }
    }
}
