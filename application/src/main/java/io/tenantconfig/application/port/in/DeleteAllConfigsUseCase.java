package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/** An admin deletes every tenant's configuration, which only an exact confirmation allows. */
public interface DeleteAllConfigsUseCase {

    String CONFIRMATION = "DELETE_ALL_CONFIGS_PERMANENTLY";

    Result deleteAll(Command command);

    /** {@code confirmation} as the caller typed it, possibly null. */
    record Command(Actor actor, String confirmation) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    sealed interface Result {

        <R> R match(LongFunction<R> deleted, Supplier<R> notConfirmed);

        record Deleted(long count) implements Result {
            @Override
            public <R> R match(LongFunction<R> deleted, Supplier<R> notConfirmed) {
                return deleted.apply(count);
            }
        }

        /** The confirmation was missing or wrong; nothing was deleted. */
        record NotConfirmed() implements Result {
            @Override
            public <R> R match(LongFunction<R> deleted, Supplier<R> notConfirmed) {
                return notConfirmed.get();
            }
        }
    }
}
