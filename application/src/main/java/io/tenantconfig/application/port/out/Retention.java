package io.tenantconfig.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes what is kept no longer: delivered events, webhook changes routed to a tenant, and dead
 * letters (events given up on, changes nobody owned), each after its age. What the service's
 * retention job runs (no use case does); instances running it at once share the work.
 */
public interface Retention {

    /** One round: what is older than its age at {@code now}, up to the adapter's batches per round. */
    Round removeExpired(Instant now);

    /** How long each kind of row is kept. */
    record Ages(Duration deliveredEvents, Duration webhookChanges, Duration deadLetters) {
        public Ages {
            Objects.requireNonNull(deliveredEvents, "deliveredEvents");
            Objects.requireNonNull(webhookChanges, "webhookChanges");
            Objects.requireNonNull(deadLetters, "deadLetters");
        }
    }

    /** What one round deleted. */
    record Round(long deliveredEvents, long webhookChanges, long deadLetters) {
        public long total() {
            return deliveredEvents + webhookChanges + deadLetters;
        }
    }
}
