package io.tenantconfig.application.port.out;

import java.util.List;
import java.util.Objects;

/**
 * Stores the changes of one webhook body that touch no configuration (messages, statuses,
 * templates...): the intake's hot path. Each change is stored unless its dedupe key is stored
 * already, and its event is published only when it was; all of a body's changes commit together,
 * and everything is committed when {@link #take} returns. An implementation may commit several
 * bodies in one transaction (group commit): a caller still returns only after its own changes
 * are durable, so nothing acknowledged is ever held only in memory.
 */
public interface WebhookIntake {

    /**
     * @return for each change, in order, whether it was stored (false: a duplicate)
     * @throws StoreUnavailableException when the changes could not be stored (nothing of them was)
     */
    List<Boolean> take(List<Taken> changes);

    /** A change and the event to publish if it is new ({@code null}: none, e.g. nobody owns it). */
    record Taken(StoredWebhookChange change, PlatformEvent eventIfNew) {
        public Taken {
            Objects.requireNonNull(change, "change");
        }
    }
}
