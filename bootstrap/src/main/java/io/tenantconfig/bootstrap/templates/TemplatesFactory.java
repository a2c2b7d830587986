package io.tenantconfig.bootstrap.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.tenantconfig.application.service.TemplateSyncPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code templates} section: how each account's message templates are read from Meta
 * (docs/operations.md, "Template catalogues"). Every account is read once per {@code interval}
 * (6 hours by default), spread over it; every instance looks for due accounts every
 * {@code sweepEvery} and leases up to {@code batch} of them for {@code lease}; a read Meta failed
 * is tried again after {@code retryAfterFailure}. {@code sweepEnabled: false} stops the sweep on
 * this instance (syncs on demand and Meta's webhooks still update the catalogues).
 */
public class TemplatesFactory {

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration interval = Duration.hours(6);

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration sweepEvery = Duration.seconds(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration retryAfterFailure = Duration.minutes(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration lease = Duration.minutes(5);

    @Min(1)
    @Max(1_000)
    private int batch = 20;

    private boolean sweepEnabled = true;

    public TemplateSyncPolicy policy() {
        return new TemplateSyncPolicy(
                interval.toJavaDuration(), retryAfterFailure.toJavaDuration(), lease.toJavaDuration(), batch);
    }

    public java.time.Duration sweepEveryAsJava() {
        return sweepEvery.toJavaDuration();
    }

    @JsonProperty
    public Duration getInterval() {
        return interval;
    }

    @JsonProperty
    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    @JsonProperty
    public Duration getSweepEvery() {
        return sweepEvery;
    }

    @JsonProperty
    public void setSweepEvery(Duration sweepEvery) {
        this.sweepEvery = sweepEvery;
    }

    @JsonProperty
    public Duration getRetryAfterFailure() {
        return retryAfterFailure;
    }

    @JsonProperty
    public void setRetryAfterFailure(Duration retryAfterFailure) {
        this.retryAfterFailure = retryAfterFailure;
    }

    @JsonProperty
    public Duration getLease() {
        return lease;
    }

    @JsonProperty
    public void setLease(Duration lease) {
        this.lease = lease;
    }

    @JsonProperty
    public int getBatch() {
        return batch;
    }

    @JsonProperty
    public void setBatch(int batch) {
        this.batch = batch;
    }

    @JsonProperty
    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    @JsonProperty
    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }
}
