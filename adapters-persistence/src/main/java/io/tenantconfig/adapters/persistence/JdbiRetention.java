package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.Retention;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes what is kept no longer: delivered events, webhook changes routed to a tenant, and dead
 * letters (events given up on, changes nobody owned), each after its age. A thousand rows per
 * statement, each its own short transaction, chosen {@code FOR UPDATE SKIP LOCKED}: instances
 * running it at once share the work instead of waiting for each other, and nothing is locked
 * for long. Rows are found through indexes on their age, never by reading what stays.
 */
final class JdbiRetention implements Retention {

    static final int BATCH = 1000;

    private static final String DELIVERED_EVENTS = "DELETE FROM events WHERE id IN (SELECT id FROM events"
            + " WHERE status = 'DELIVERED' AND delivered_at < :before LIMIT :batch FOR UPDATE SKIP LOCKED)";
    private static final String DEAD_EVENTS = "DELETE FROM events WHERE id IN (SELECT id FROM events"
            + " WHERE status = 'DEAD' AND occurred_at < :before LIMIT :batch FOR UPDATE SKIP LOCKED)";
    private static final String ROUTED_CHANGES = "DELETE FROM webhook_changes WHERE id IN (SELECT id FROM"
            + " webhook_changes WHERE received_at < :before AND tenant_id IS NOT NULL LIMIT :batch FOR UPDATE SKIP"
            + " LOCKED)";
    private static final String UNROUTABLE_CHANGES = "DELETE FROM webhook_changes WHERE id IN (SELECT id FROM"
            + " webhook_changes WHERE received_at < :before AND tenant_id IS NULL LIMIT :batch FOR UPDATE SKIP LOCKED)";

    private final Jdbi jdbi;
    private final Ages ages;
    private final int mostBatchesPerKind;

    /** @param mostBatchesPerKind how many batches of each kind one round deletes at most (the rest waits for the next) */
    JdbiRetention(Jdbi jdbi, Ages ages, int mostBatchesPerKind) {
        this.jdbi = jdbi;
        this.ages = ages;
        this.mostBatchesPerKind = mostBatchesPerKind;
    }

    @Override
    public Round removeExpired(Instant now) {
        long delivered = delete(DELIVERED_EVENTS, now.minus(ages.deliveredEvents()));
        long changes = delete(ROUTED_CHANGES, now.minus(ages.webhookChanges()));
        long dead = delete(DEAD_EVENTS, now.minus(ages.deadLetters()))
                + delete(UNROUTABLE_CHANGES, now.minus(ages.deadLetters()));
        return new Round(delivered, changes, dead);
    }

    private long delete(String statement, Instant before) {
        long deleted = 0;
        for (int batch = 0; batch < mostBatchesPerKind; batch++) {
            int rows = Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(statement)
                    .bind("before", TenantConfigRow.timestamp(before))
                    .bind("batch", BATCH)
                    .execute()));
            deleted += rows;
            if (rows < BATCH) {
                break;
            }
        }
        return deleted;
    }
}
