package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.OutboxEvent;
import java.util.List;

/** Admins look at the outbox (dead letters above all) and send an event again. */
public interface EventsAdminUseCase {

    List<OutboxEvent> list(OutboxEvent.Status status, int limit);

    /** False when there is no such event. */
    boolean replay(long id);
}
