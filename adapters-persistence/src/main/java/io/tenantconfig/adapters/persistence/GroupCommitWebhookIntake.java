package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.application.port.out.WebhookIntake;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the webhook intake: the bodies that arrive while a transaction runs are
 * written together in the next one, each table in one batched statement, and committed once.
 * At Meta's rates a transaction per body spends most of its time in the transaction itself
 * (round trips, the commit); shared, that cost is paid once per batch (README, "Performance").
 *
 * <p>Nothing is acknowledged from memory: {@link #take} returns only after the transaction that
 * holds its changes committed, and a caller whose batch failed gets the failure (Meta sends the
 * body again). The queue only brings callers together; a crash loses only bodies not yet
 * answered. A batch that fails is retried body by body, so one body's fault fails only itself.
 */
final class GroupCommitWebhookIntake implements WebhookIntake {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWebhookIntake.class);
    /** The most bodies written in one transaction. */
    static final int MOST_BODIES = 256;

    private final Jdbi jdbi;
    private final BlockingQueue<Body> waiting;
    private final long waitMillis;
    private volatile Thread writer;
    private volatile boolean running;

    /**
     * @param capacity the most bodies waiting for a transaction; a body arriving when it is full is refused (503)
     * @param waitMillis how long a caller waits for its transaction before it is told the store is unavailable
     */
    GroupCommitWebhookIntake(Jdbi jdbi, int capacity, long waitMillis) {
        this.jdbi = jdbi;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.waitMillis = waitMillis;
    }

    /** One caller's changes, and how they came out. */
    private record Body(List<Taken> changes, CompletableFuture<List<Boolean>> stored) {}

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = new Thread(this::writeWhileRunning, "tenant-config-webhook-intake");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops after the batch being written; bodies still waiting are refused (their callers answer 503). */
    synchronized void stop() throws InterruptedException {
        running = false;
        Thread stopping = writer;
        if (stopping != null) {
            stopping.interrupt();
            stopping.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<Body> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(body -> body.stored().completeExceptionally(unavailable("the service is stopping")));
    }

    /** Bodies waiting for a transaction now. */
    int waiting() {
        return waiting.size();
    }

    @Override
    public List<Boolean> take(List<Taken> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        if (!running) {
            throw unavailable("the webhook intake is not running");
        }
        Body body = new Body(List.copyOf(changes), new CompletableFuture<>());
        if (!waiting.offer(body)) {
            throw unavailable("too many webhook bodies are waiting to be stored");
        }
        try {
            return body.stored().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while the webhook body was being stored");
        } catch (TimeoutException e) {
            // Its transaction may still commit: Meta sends the body again, and it is then a duplicate.
            throw unavailable("storing the webhook body took longer than " + waitMillis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void writeWhileRunning() {
        List<Body> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch, MOST_BODIES - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Body> batch) {
        try {
            List<List<Boolean>> results =
                    Availability.available(() -> jdbi.inTransaction(handle -> insert(handle, batch)));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(results.get(i));
            }
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(batchFailure);
                return;
            }
            LOG.warn(
                    "A batch of {} webhook bodies could not be stored ({}); storing them one by one",
                    batch.size(),
                    batchFailure.getClass().getSimpleName());
            for (Body body : batch) {
                write(List.of(body));
            }
        }
    }

    /** Every body's changes, then the events of those that were new; the results by body. */
    private static List<List<Boolean>> insert(Handle handle, List<Body> batch) {
        PreparedBatch changes = handle.prepareBatch(JdbiWebhookInbox.INSERT);
        for (Body body : batch) {
            for (Taken taken : body.changes()) {
                JdbiWebhookInbox.bind(changes, taken.change()).add();
            }
        }
        int[] counts = changes.execute();
        for (int count : counts) {
            if (count != 0 && count != 1) {
                // A driver that rewrites batches (reWriteBatchedInserts) no longer says which row was new.
                throw new IllegalStateException("the driver did not report, row by row, which change was new");
            }
        }
        List<List<Boolean>> results = new ArrayList<>(batch.size());
        List<PlatformEvent> events = new ArrayList<>();
        int row = 0;
        for (Body body : batch) {
            List<Boolean> stored = new ArrayList<>(body.changes().size());
            for (Taken taken : body.changes()) {
                boolean isNew = counts[row++] == 1;
                stored.add(isNew);
                if (isNew && taken.eventIfNew() != null) {
                    events.add(taken.eventIfNew());
                }
            }
            results.add(stored);
        }
        if (!events.isEmpty()) {
            Outbox.insertAll(handle, events);
        }
        return results;
    }

    private static StoreUnavailableException unavailable(String why) {
        return new StoreUnavailableException(why, null);
    }
}
