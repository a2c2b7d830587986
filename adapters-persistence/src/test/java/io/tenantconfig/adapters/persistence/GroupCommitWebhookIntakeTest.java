package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.port.out.JsonText;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.application.port.out.WebhookIntake.Taken;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook intake's group commit on PostgreSQL: many bodies, one transaction, each told its own outcome. */
class GroupCommitWebhookIntakeTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final GroupCommitWebhookIntake intake = new GroupCommitWebhookIntake(jdbi, 1_000, 10_000);

    @BeforeEach
    void start() {
        jdbi.useHandle(h -> h.execute("TRUNCATE webhook_changes, events RESTART IDENTITY"));
        intake.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        intake.stop();
    }

    private static Taken message(String id, TenantId tenant, String field) {
        StoredWebhookChange change = new StoredWebhookChange(
                "wamid:" + id,
                NOW,
                tenant,
                MetaId.parse("1022"),
                MetaId.parse("1065"),
                field,
                "{\"messages\":[{\"id\":\"" + id + "\"}]}",
                tenant == null ? "no tenant has the phone number 1065 or its account" : null,
                null);
        PlatformEvent event = tenant == null
                ? null
                : new PlatformEvent(
                        PlatformEvent.WHATSAPP_CHANGE,
                        tenant,
                        NOW,
                        Map.of("field", field, "value", new JsonText(change.valueJson())));
        return new Taken(change, event);
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void each_change_is_stored_once_and_its_event_published_only_when_it_was_new() {
        assertThat(intake.take(List.of(message("1", ACME, "messages"), message("2", null, "messages"))))
                .containsExactly(true, true);
        assertThat(intake.take(List.of(message("1", ACME, "messages"), message("3", ACME, "messages"))))
                .containsExactly(false, true);
        assertThat(intake.take(List.of(message("4", ACME, "messages"), message("4", ACME, "messages"))))
                .as("the same change twice in one body")
                .containsExactly(true, false);

        assertThat(count("SELECT count(*) FROM webhook_changes")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM events"))
                .as("none for the one nobody owns")
                .isEqualTo(3);
    }

    @Test
    void bodies_sent_at_once_share_transactions_and_each_caller_gets_its_own_outcome() throws Exception {
        int bodies = 400;
        ExecutorService callers = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Boolean>>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < bodies; i++) {
                // Every other body repeats the previous one's change: exactly one of each pair is new.
                String id = Integer.toString(i / 2);
                outcomes.add(callers.submit(() -> {
                    go.await();
                    return intake.take(List.of(message(id, ACME, "messages")));
                }));
            }
            go.countDown();
            long firstTimes = 0;
            for (Future<List<Boolean>> outcome : outcomes) {
                firstTimes += outcome.get(60, TimeUnit.SECONDS).get(0) ? 1 : 0;
            }
            assertThat(firstTimes).isEqualTo(bodies / 2);
        } finally {
            callers.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM webhook_changes")).isEqualTo(bodies / 2);
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(bodies / 2);
        long transactions = count("SELECT count(DISTINCT xmin::text) FROM webhook_changes");
        assertThat(transactions).as("fewer transactions than bodies").isLessThan(bodies / 2);
    }

    @Test
    void a_body_the_database_refuses_fails_alone_and_leaves_nothing_of_itself() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<Boolean>>> good = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "good-" + i;
                good.add(callers.submit(() -> {
                    go.await();
                    return intake.take(List.of(message(id, ACME, "messages")));
                }));
            }
            // A field longer than the column allows: PostgreSQL refuses the row, and so the transaction.
            Future<List<Boolean>> bad = callers.submit(() -> {
                go.await();
                return intake.take(
                        List.of(message("bad-1", ACME, "messages"), message("bad-2", ACME, "f".repeat(101))));
            });
            go.countDown();
            for (Future<List<Boolean>> outcome : good) {
                assertThat(outcome.get(60, TimeUnit.SECONDS)).containsExactly(true);
            }
            assertThatThrownBy(() -> bad.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
        } finally {
            callers.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM webhook_changes WHERE dedupe_key LIKE 'wamid:good-%'"))
                .isEqualTo(20);
        assertThat(count("SELECT count(*) FROM webhook_changes WHERE dedupe_key LIKE 'wamid:bad-%'"))
                .as("nothing of the refused body")
                .isZero();
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(20);
    }

    @Test
    void a_stopped_intake_refuses_as_unavailable_and_stores_nothing() throws InterruptedException {
        intake.stop();

        assertThatThrownBy(() -> intake.take(List.of(message("late", ACME, "messages"))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("the webhook intake is not running");
        assertThat(count("SELECT count(*) FROM webhook_changes")).isZero();
        assertThat(intake.take(List.of())).isEmpty();
    }

    @Test
    void with_the_database_gone_a_caller_is_told_the_store_is_unavailable() {
        GroupCommitWebhookIntake nowhere = new GroupCommitWebhookIntake(
                Jdbi.create("jdbc:postgresql://localhost:1/nowhere?connectTimeout=1", "nobody", ""), 10, 10_000);
        nowhere.start();
        try {
            assertThatThrownBy(() -> nowhere.take(List.of(message("x", ACME, "messages"))))
                    .isInstanceOf(StoreUnavailableException.class);
        } finally {
            try {
                nowhere.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
