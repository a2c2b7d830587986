package io.tenantconfig.bootstrap.coexistence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import io.tenantconfig.application.service.AppDataSyncPolicy;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code coexistence} section: how the syncs of WhatsApp Business apps' data (contacts, then
 * history) are made and retried within Meta's 24 hours (docs/operations.md, "Coexistence syncs").
 * Every instance looks for due syncs every {@code syncEvery}; a request Meta did not accept waits
 * {@code firstBackoff}, doubling up to {@code maxBackoff}; a claimed sync is held for {@code lease}.
 */
public class CoexistenceFactory {

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration syncEvery = Duration.seconds(5);

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration firstBackoff = Duration.seconds(30);

    @NotNull
    @MaxDuration(value = 6, unit = TimeUnit.HOURS)
    private Duration maxBackoff = Duration.minutes(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration lease = Duration.minutes(1);

    public AppDataSyncPolicy policy() {
        return new AppDataSyncPolicy(
                lease.toJavaDuration(), firstBackoff.toJavaDuration(), maxBackoff.toJavaDuration());
    }

    public java.time.Duration syncEveryAsJava() {
        return syncEvery.toJavaDuration();
    }

    @ValidationMethod(message = "needs a maxBackoff at least as long as its firstBackoff")
    @JsonIgnore
    public boolean isBackoffOrdered() {
        return maxBackoff == null
                || firstBackoff == null
                || maxBackoff.toJavaDuration().compareTo(firstBackoff.toJavaDuration()) >= 0;
    }

    @JsonProperty
    public Duration getSyncEvery() {
        return syncEvery;
    }

    @JsonProperty
    public void setSyncEvery(Duration syncEvery) {
        this.syncEvery = syncEvery;
    }

    @JsonProperty
    public Duration getFirstBackoff() {
        return firstBackoff;
    }

    @JsonProperty
    public void setFirstBackoff(Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
    }

    @JsonProperty
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    @JsonProperty
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    @JsonProperty
    public Duration getLease() {
        return lease;
    }

    @JsonProperty
    public void setLease(Duration lease) {
        this.lease = lease;
    }
}
