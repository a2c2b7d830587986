package io.tenantconfig.adapters.rest.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.validation.constraints.Min;
import java.time.Clock;

/**
 * The {@code rateLimits} section: admin endpoints per token subject (default bursts of 120, 600 a
 * minute), onboarding per tenant (default 10 a minute), on-demand health checks per tenant
 * (bursts of 3, 6 a minute), Meta's webhooks per source address (bursts of 5,000, 300,000 a minute).
 */
public class RateLimitsFactory {

    @Min(1)
    private int adminBurst = RateLimitPolicy.ADMIN_DEFAULT.capacity();

    @Min(1)
    private int adminPerMinute = RateLimitPolicy.ADMIN_DEFAULT.perMinute();

    @Min(1)
    private int onboardingBurst = RateLimitPolicy.ONBOARDING_DEFAULT.capacity();

    @Min(1)
    private int onboardingPerMinute = RateLimitPolicy.ONBOARDING_DEFAULT.perMinute();

    @Min(1)
    private int healthCheckBurst = RateLimitPolicy.HEALTH_CHECK_DEFAULT.capacity();

    @Min(1)
    private int healthCheckPerMinute = RateLimitPolicy.HEALTH_CHECK_DEFAULT.perMinute();

    @Min(1)
    private int webhookBurst = RateLimitPolicy.WEBHOOK_DEFAULT.capacity();

    @Min(1)
    private int webhookPerMinute = RateLimitPolicy.WEBHOOK_DEFAULT.perMinute();

    /**
     * Registers the limits with Jersey: the admin, onboarding and health-check limits in
     * {@code shared} buckets (every instance counts against the same ones), Meta's webhooks in
     * this instance's memory (per source address, thousands a second); refills on {@code clock}.
     */
    public void register(JerseyEnvironment jersey, ProxyManager<String> shared, Clock clock) {
        jersey.register(new RateLimitFeature(
                Buckets.shared(shared), Buckets.inMemory(RateLimitFeature.time(clock)), policies()));
    }

    public RateLimitPolicy[] policies() {
        return new RateLimitPolicy[] {
            new RateLimitPolicy(RateLimitPolicy.Kind.ADMIN, adminBurst, adminPerMinute),
            new RateLimitPolicy(RateLimitPolicy.Kind.ONBOARDING, onboardingBurst, onboardingPerMinute),
            new RateLimitPolicy(RateLimitPolicy.Kind.HEALTH_CHECK, healthCheckBurst, healthCheckPerMinute),
            new RateLimitPolicy(RateLimitPolicy.Kind.WEBHOOK, webhookBurst, webhookPerMinute)
        };
    }

    @JsonProperty
    public int getAdminBurst() {
        return adminBurst;
    }

    @JsonProperty
    public void setAdminBurst(int adminBurst) {
        this.adminBurst = adminBurst;
    }

    @JsonProperty
    public int getAdminPerMinute() {
        return adminPerMinute;
    }

    @JsonProperty
    public void setAdminPerMinute(int adminPerMinute) {
        this.adminPerMinute = adminPerMinute;
    }

    @JsonProperty
    public int getOnboardingBurst() {
        return onboardingBurst;
    }

    @JsonProperty
    public void setOnboardingBurst(int onboardingBurst) {
        this.onboardingBurst = onboardingBurst;
    }

    @JsonProperty
    public int getOnboardingPerMinute() {
        return onboardingPerMinute;
    }

    @JsonProperty
    public void setOnboardingPerMinute(int onboardingPerMinute) {
        this.onboardingPerMinute = onboardingPerMinute;
    }

    @JsonProperty
    public int getHealthCheckBurst() {
        return healthCheckBurst;
    }

    @JsonProperty
    public void setHealthCheckBurst(int healthCheckBurst) {
        this.healthCheckBurst = healthCheckBurst;
    }

    @JsonProperty
    public int getHealthCheckPerMinute() {
        return healthCheckPerMinute;
    }

    @JsonProperty
    public void setHealthCheckPerMinute(int healthCheckPerMinute) {
        this.healthCheckPerMinute = healthCheckPerMinute;
    }

    @JsonProperty
    public int getWebhookBurst() {
        return webhookBurst;
    }

    @JsonProperty
    public void setWebhookBurst(int webhookBurst) {
        this.webhookBurst = webhookBurst;
    }

    @JsonProperty
    public int getWebhookPerMinute() {
        return webhookPerMinute;
    }

    @JsonProperty
    public void setWebhookPerMinute(int webhookPerMinute) {
        this.webhookPerMinute = webhookPerMinute;
    }
}
