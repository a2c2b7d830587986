package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.bootstrap.database.DatabaseFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database count an admin's requests against one limit (the buckets are in
 * PostgreSQL), so two instances do not allow twice the limit; the answers say how much is left.
 */
class SharedRateLimitsTest {

    private static final String STATS = "/api/v1/tenant/admin/configs/stats";

    private static DropwizardTestSupport<TenantConfigConfiguration> instance(TestDatabase database) throws Exception {
        DropwizardTestSupport<TenantConfigConfiguration> app = TestApps.support(
                database,
                ConfigOverride.config("rateLimits.adminBurst", "4"),
                ConfigOverride.config("rateLimits.adminPerMinute", "4"));
        app.before();
        return app;
    }

    @Test
    void a_callers_bucket_row_expires_once_its_bucket_is_full_again_and_the_cleanup_removes_only_those()
            throws Exception {
        TestDatabase database = TestDatabase.empty();
        DropwizardTestSupport<TenantConfigConfiguration> app = instance(database);
        try {
            ApiClient api = new ApiClient(app);
            for (String subject : List.of("admin-1", "admin-2", "admin-3")) {
                assertThat(api.send("GET", STATS, api.tokenOf(subject, null, "admin"), null)
                                .statusCode())
                        .isEqualTo(200);
            }
            Jdbi jdbi = Jdbi.create(database.dataSource());
            long now = System.currentTimeMillis();
            List<Long> expiries =
                    jdbi.withHandle(h -> h.createQuery("SELECT expires_at FROM rate_limit_buckets ORDER BY id")
                            .mapTo(Long.class)
                            .list());
            assertThat(expiries)
                    .as("one request of 4 a minute: full again in 15 s, kept 10 s more")
                    .hasSize(3)
                    .allSatisfy(at -> assertThat(at).isBetween(now, now + 26_000));

            jdbi.useHandle(h -> h.execute(
                    "UPDATE rate_limit_buckets SET expires_at = 1 WHERE id LIKE '%admin-1%' OR id LIKE '%admin-2%'"));
            int removed = DatabaseFactory.removeIdleBuckets(DatabaseFactory.rateLimitBuckets(database.dataSource()));

            assertThat(removed).isEqualTo(2);
            List<String> left = jdbi.withHandle(h -> h.createQuery("SELECT id FROM rate_limit_buckets")
                    .mapTo(String.class)
                    .list());
            assertThat(left).singleElement().satisfies(id -> assertThat(id).contains("admin-3"));
        } finally {
            app.after();
        }
    }

    @Test
    void an_admins_requests_to_two_instances_count_against_one_limit() throws Exception {
        TestDatabase database = TestDatabase.empty();
        DropwizardTestSupport<TenantConfigConfiguration> a = instance(database);
        DropwizardTestSupport<TenantConfigConfiguration> b = instance(database);
        try {
            ApiClient onA = new ApiClient(a);
            ApiClient onB = new ApiClient(b);
            String admin = onA.token(null, "admin");
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (ApiClient instance : List.of(onA, onB, onA, onB, onA, onB)) {
                answers.add(instance.send("GET", STATS, admin, null));
            }

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 429, 429);
            assertThat(answers.get(0).headers().firstValue("RateLimit")).contains("\"admin\";r=3");
            assertThat(answers.get(3).headers().firstValue("RateLimit")).contains("\"admin\";r=0");
            assertThat(answers.get(0).headers().firstValue("RateLimit-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("q=4"));
            assertThat(answers.get(5).headers().firstValue("Retry-After")).isPresent();
            // The buckets' transactions end with their requests: no pooled connection is left
            // in one, holding locks (JDBI's next statement on it would run inside it).
            long idleInTransaction = Jdbi.create(database.dataSource())
                    .withHandle(h -> h.createQuery(
                                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")
                            .mapTo(Long.class)
                            .one());
            assertThat(idleInTransaction).isZero();
        } finally {
            // In reverse: each restores the -Ddw. system properties it found, the other's included.
            b.after();
            a.after();
        }
    }
}
