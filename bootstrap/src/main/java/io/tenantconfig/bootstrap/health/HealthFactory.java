package io.tenantconfig.bootstrap.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.tenantconfig.application.service.HealthPolicy;
import io.tenantconfig.application.service.SweepPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code health} section: how tenants' tokens and numbers are checked with Meta. Every
 * active tenant with a token is checked once per {@code checkInterval}, spread over it; each
 * instance starts at most {@code graphCallsPerSecond} Graph calls a second and has at most
 * {@code graphCallsInFlight} open at once.
 */
public class HealthFactory {

    private boolean sweepEnabled = true;

    @NotNull
    private Duration checkInterval = Duration.hours(6);

    @NotNull
    private Duration expiringWindow = Duration.days(7);

    @NotNull
    private Duration refreshWindow = Duration.days(7);

    @Min(1)
    @Max(10)
    private int refreshAttempts = 3;

    @NotNull
    private Duration refreshBackoff = Duration.seconds(1);

    @Min(1)
    @Max(1000)
    private int graphCallsPerSecond = 5;

    @Min(1)
    @Max(100)
    private int graphCallsInFlight = 4;

    @NotNull
    private Duration pollEvery = Duration.seconds(10);

    @NotNull
    private Duration lease = Duration.minutes(5);

    @Min(1)
    @Max(10_000)
    private int batch = 50;

    public HealthPolicy policy() {
        return new HealthPolicy(
                expiringWindow.toJavaDuration(),
                refreshWindow.toJavaDuration(),
                refreshAttempts,
                refreshBackoff.toJavaDuration());
    }

    public SweepPolicy sweep() {
        return new SweepPolicy(checkInterval.toJavaDuration(), 0.1, lease.toJavaDuration(), batch);
    }

    public java.time.Duration checkIntervalAsJava() {
        return checkInterval.toJavaDuration();
    }

    public java.time.Duration pollEveryAsJava() {
        return pollEvery.toJavaDuration();
    }

    @JsonProperty
    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    @JsonProperty
    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }

    @JsonProperty
    public Duration getCheckInterval() {
        return checkInterval;
    }

    @JsonProperty
    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    @JsonProperty
    public Duration getExpiringWindow() {
        return expiringWindow;
    }

    @JsonProperty
    public void setExpiringWindow(Duration expiringWindow) {
        this.expiringWindow = expiringWindow;
    }

    @JsonProperty
    public Duration getRefreshWindow() {
        return refreshWindow;
    }

    @JsonProperty
    public void setRefreshWindow(Duration refreshWindow) {
        this.refreshWindow = refreshWindow;
    }

    @JsonProperty
    public int getRefreshAttempts() {
        return refreshAttempts;
    }

    @JsonProperty
    public void setRefreshAttempts(int refreshAttempts) {
        this.refreshAttempts = refreshAttempts;
    }

    @JsonProperty
    public Duration getRefreshBackoff() {
        return refreshBackoff;
    }

    @JsonProperty
    public void setRefreshBackoff(Duration refreshBackoff) {
        this.refreshBackoff = refreshBackoff;
    }

    @JsonProperty
    public int getGraphCallsPerSecond() {
        return graphCallsPerSecond;
    }

    @JsonProperty
    public void setGraphCallsPerSecond(int graphCallsPerSecond) {
        this.graphCallsPerSecond = graphCallsPerSecond;
    }

    @JsonProperty
    public int getGraphCallsInFlight() {
        return graphCallsInFlight;
    }

    @JsonProperty
    public void setGraphCallsInFlight(int graphCallsInFlight) {
        this.graphCallsInFlight = graphCallsInFlight;
    }

    @JsonProperty
    public Duration getPollEvery() {
        return pollEvery;
    }

    @JsonProperty
    public void setPollEvery(Duration pollEvery) {
        this.pollEvery = pollEvery;
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
}
