package io.tenantconfig.adapters.rest.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests one key may make: a burst of {@code capacity}, refilled at {@code perMinute}.
 * Admin endpoints are keyed by the token's subject, onboarding and on-demand health checks by the
 * tenant, Meta's (public) webhooks by the source address.
 */
public record RateLimitPolicy(Kind kind, int capacity, int perMinute) {

    public enum Kind {
        ADMIN("admin"),
        ONBOARDING("onboarding"),
        HEALTH_CHECK("health-check"),
        /** Meta's webhooks, public: keyed by the source address. */
        WEBHOOK("webhook");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The admin dashboard makes about 7 admin requests a page: a burst of 120 is some 15 pages in a row. */
    public static final RateLimitPolicy ADMIN_DEFAULT = new RateLimitPolicy(Kind.ADMIN, 120, 600);

    public static final RateLimitPolicy ONBOARDING_DEFAULT = new RateLimitPolicy(Kind.ONBOARDING, 10, 10);
    /** Each check asks Meta several times: a tenant may check on demand a few times a minute. */
    public static final RateLimitPolicy HEALTH_CHECK_DEFAULT = new RateLimitPolicy(Kind.HEALTH_CHECK, 3, 6);
    /**
     * Meta sends from a pool of addresses, each at most a few hundred requests a second in bursts;
     * a source sending more is not Meta, or a replay storm worth slowing down.
     */
    public static final RateLimitPolicy WEBHOOK_DEFAULT = new RateLimitPolicy(Kind.WEBHOOK, 5_000, 300_000);

    public RateLimitPolicy {
        Objects.requireNonNull(kind, "kind");
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request (" + kind.label() + ")");
        }
    }

    Duration window() {
        return Duration.ofMinutes(1);
    }

    /** {@code "admin";q=60;w=60}: the policy as the RateLimit-Policy header describes it. */
    String header() {
        return "\"" + kind.label() + "\";q=" + perMinute + ";w=" + window().toSeconds();
    }
}
