package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The cache's safety net: an entry is forgotten once its time is up, so a change nobody announced
 * (SQL run by hand, a restore) is served at the latest then. The cache's clock is the test's.
 */
class CacheExpiryTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Duration EXPIRY = Duration.ofSeconds(60);

    private final Jdbi jdbi = Jdbi.create(TestDatabase.migrated().dataSource());
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T00:00:00Z"));
    private final CachingConfigStore cache = new CachingConfigStore(
            new JdbiConfigStore(jdbi, TestKeys.cipher()), 100, EXPIRY, Duration.ofMinutes(15), clock);

    private String servedVerifyToken() {
        return cache.load(ACME).orElseThrow().callbacks().verifyToken().value();
    }

    @Test
    void an_unannounced_change_is_served_once_the_entry_expires_and_not_before() {
        cache.announcementsRestored();
        cache.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        assertThat(servedVerifyToken()).isEqualTo("verify-acme");
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs SET verify_token = 'changed-behind-its-back'"));

        clock.advance(EXPIRY.minusSeconds(1));
        assertThat(servedVerifyToken()).as("one second before expiry").isEqualTo("verify-acme");

        clock.advance(Duration.ofSeconds(1));
        assertThat(servedVerifyToken()).as("at expiry").isEqualTo("changed-behind-its-back");
        assertThat(cache.misses()).isEqualTo(2);
    }
}
