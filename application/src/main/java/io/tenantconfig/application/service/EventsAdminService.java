package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.EventsAdminUseCase;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

final class EventsAdminService implements EventsAdminUseCase {

    private final EventOutbox outbox;
    private final Clock clock;

    EventsAdminService(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public List<OutboxEvent> list(OutboxEvent.Status status, Optional<TenantId> tenant, int limit) {
        return outbox.list(status, tenant, limit);
    }

    @Override
    public boolean replay(long id) {
        return outbox.replay(id, clock.instant());
    }
}
