package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.EventsAdminUseCase;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.OutboxEvent;
import java.time.Clock;
import java.util.List;

final class EventsAdminService implements EventsAdminUseCase {

    private final EventOutbox outbox;
    private final Clock clock;

    EventsAdminService(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public List<OutboxEvent> list(OutboxEvent.Status status, int limit) {
        return outbox.list(status, limit);
    }

    @Override
    public boolean replay(long id) {
        return outbox.replay(id, clock.instant());
    }
}
