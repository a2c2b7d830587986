package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.DeliverEventsUseCase;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class DeliverEventsService implements DeliverEventsUseCase {

    private final EventOutbox outbox;
    private final EventSink sink;
    private final DeliveryPolicy policy;
    private final Clock clock;

    DeliverEventsService(EventOutbox outbox, EventSink sink, DeliveryPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.sink = sink;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Round deliverDue() {
        Instant now = clock.instant();
        int delivered = 0;
        int failed = 0;
        int dead = 0;
        List<OutboxEvent> claimed = outbox.claimDue(now, now.plus(policy.hold()), policy.batch());
        // A tenant's later events never overtake one that failed: they are left for its retry.
        Set<TenantId> stopped = new HashSet<>();
        List<Long> notAttempted = new ArrayList<>();
        for (OutboxEvent event : claimed) {
            if (stopped.contains(event.tenantId())) {
                notAttempted.add(event.id());
                continue;
            }
            try {
                sink.deliver(event);
                outbox.delivered(event.id(), clock.instant());
                delivered++;
            } catch (EventSink.DeliveryFailedException e) {
                Instant failedAt = clock.instant();
                boolean givenUp = !failedAt.isBefore(event.occurredAt().plus(policy.giveUpAfter()));
                outbox.failed(event.id(), e.getMessage(), failedAt.plus(policy.backoff(event.attempts() + 1)), givenUp);
                failed++;
                if (givenUp) {
                    dead++;
                } else {
                    stopped.add(event.tenantId());
                }
            }
        }
        if (!notAttempted.isEmpty()) {
            outbox.release(notAttempted, clock.instant());
        }
        return new Round(delivered, failed, dead, claimed.size() >= policy.batch());
    }
}
