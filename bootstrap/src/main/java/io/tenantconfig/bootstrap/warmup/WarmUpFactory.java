package io.tenantconfig.bootstrap.warmup;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code warmUp} section: how long a freshly started instance sends requests to itself before
 * its health check says it is ready (0 seconds: not at all), and with how many at once.
 */
public class WarmUpFactory {

    @NotNull
    private Duration duration = Duration.seconds(0);

    @Min(1)
    @Max(64)
    private int clients = 8;

    @JsonProperty
    public Duration getDuration() {
        return duration;
    }

    @JsonProperty
    public void setDuration(Duration duration) {
        this.duration = duration;
    }

    @JsonProperty
    public int getClients() {
        return clients;
    }

    @JsonProperty
    public void setClients(int clients) {
        this.clients = clients;
    }
}
