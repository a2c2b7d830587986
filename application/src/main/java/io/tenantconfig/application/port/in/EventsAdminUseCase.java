package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** Admins look at the outbox (dead letters above all) and send an event again. */
public interface EventsAdminUseCase {

    /** The newest events in {@code status} first: every tenant's, or only {@code tenant}'s. */
    List<OutboxEvent> list(OutboxEvent.Status status, Optional<TenantId> tenant, int limit);

    /** False when there is no such event. */
    boolean replay(long id);
}
