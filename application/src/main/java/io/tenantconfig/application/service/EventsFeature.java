package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import io.tenantconfig.application.port.in.EventsAdminUseCase;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.EventSink;
import java.time.Clock;

/**
 * The events for the rest of the platform, stored in the outbox with the change that made them:
 * delivered to the receiver, tenant by tenant and in order, retried with backoff; listed and
 * retried by admins.
 */
public final class EventsFeature {

    private final DeliverEventsUseCase deliverEvents;
    private final EventsAdminUseCase eventsAdmin;

    public EventsFeature(EventOutbox outbox, EventSink sink, DeliveryPolicy policy, Clock clock) {
        this.deliverEvents = new DeliverEventsService(outbox, sink, policy, clock);
        this.eventsAdmin = new EventsAdminService(outbox, clock);
    }

    public DeliverEventsUseCase deliverEvents() {
        return deliverEvents;
    }

    public EventsAdminUseCase eventsAdmin() {
        return eventsAdmin;
    }
}
