package io.tenantconfig.adapters.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import io.dropwizard.auth.CachingAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiryCheckingAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void a_cached_caller_is_served_from_the_cache_until_its_token_expires_and_never_after() throws Exception {
        MovingClock clock = new MovingClock();
        AtomicInteger verifications = new AtomicInteger();
        CallerPrincipal caller =
                new CallerPrincipal("u", null, Set.of(), List.of(), null, List.of(), NOW.plus(Duration.ofMinutes(5)));
        CachingAuthenticator<String, CallerPrincipal> cache = new CachingAuthenticator<>(
                new MetricRegistry(),
                token -> {
                    verifications.incrementAndGet();
                    return Optional.of(caller);
                },
                CaffeineSpec.parse("maximumSize=10, expireAfterWrite=1h"));
        ExpiryCheckingAuthenticator authenticator =
                new ExpiryCheckingAuthenticator(cache, clock, Duration.ofSeconds(30));

        assertThat(authenticator.authenticate("token")).contains(caller);
        assertThat(authenticator.authenticate("token")).contains(caller);
        assertThat(verifications).hasValue(1);

        clock.now = NOW.plus(Duration.ofMinutes(5)).plusSeconds(30);

        assertThat(authenticator.authenticate("token")).isEmpty();
        authenticator.authenticate("token");
        assertThat(verifications)
                .as("the expired caller was dropped from the cache: the token is verified afresh")
                .hasValue(2);
    }
}
