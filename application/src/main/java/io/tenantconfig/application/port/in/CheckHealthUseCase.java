package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.Health;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks a tenant's token and numbers with Meta now, refreshing a token that is about to expire
 * and can be extended, and stores the outcome (a change of state is published as an event).
 */
public interface CheckHealthUseCase {

    Result check(TenantId tenantId);

    /** What a check came to; taken apart with {@link #match}. */
    sealed interface Result {

        <R> R match(Function<Health, R> checked, Supplier<R> notFound);

        /** The health now (after a refresh, if one was made); when Meta could not be reached, the last one known with the error. */
        record Checked(Health health) implements Result {
            @Override
            public <R> R match(Function<Health, R> checked, Supplier<R> notFound) {
                return checked.apply(health);
            }
        }

        /** The tenant has no configuration. */
        record NotFound() implements Result {
            @Override
            public <R> R match(Function<Health, R> checked, Supplier<R> notFound) {
                return notFound.get();
            }
        }
    }
}
