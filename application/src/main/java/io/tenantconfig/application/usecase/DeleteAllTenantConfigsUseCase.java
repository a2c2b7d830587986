package io.tenantconfig.application.usecase;

import io.tenantconfig.domain.Actor;
import java.util.Objects;

/** An admin deletes every tenant's configuration, which only an exact confirmation allows. */
public interface DeleteAllTenantConfigsUseCase {

    String CONFIRMATION = "DELETE_ALL_CONFIGS_PERMANENTLY";

    Result deleteAll(Command command);

    /** {@code confirmation} as the caller typed it, possibly null. */
    record Command(Actor actor, String confirmation) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    sealed interface Result {
        record Deleted(long count) implements Result {
        }

        /** The confirmation was missing or wrong; nothing was deleted. */
        record NotConfirmed() implements Result {
        }
    }
}
