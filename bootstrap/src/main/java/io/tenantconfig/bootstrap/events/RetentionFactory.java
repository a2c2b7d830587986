package io.tenantconfig.bootstrap.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.tenantconfig.application.port.out.Retention;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code retention} section: how long delivered events, webhook changes and dead letters
 * (events given up on, changes nobody owned) are kept, and how often the instances delete what
 * is older (docs/operations.md, "Retention"). Webhook changes are kept at least 7 days: Meta
 * sends a body again for up to 7 days, and only a stored change makes it a duplicate.
 */
public class RetentionFactory {

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration deliveredEvents = Duration.days(7);

    @NotNull
    @MinDuration(value = 7, unit = TimeUnit.DAYS)
    private Duration webhookChanges = Duration.days(7);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration deadLetters = Duration.days(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration every = Duration.minutes(1);

    public Retention.Ages ages() {
        return new Retention.Ages(
                deliveredEvents.toJavaDuration(), webhookChanges.toJavaDuration(), deadLetters.toJavaDuration());
    }

    public java.time.Duration everyAsJava() {
        return every.toJavaDuration();
    }

    @JsonProperty
    public Duration getDeliveredEvents() {
        return deliveredEvents;
    }

    @JsonProperty
    public void setDeliveredEvents(Duration deliveredEvents) {
        this.deliveredEvents = deliveredEvents;
    }

    @JsonProperty
    public Duration getWebhookChanges() {
        return webhookChanges;
    }

    @JsonProperty
    public void setWebhookChanges(Duration webhookChanges) {
        this.webhookChanges = webhookChanges;
    }

    @JsonProperty
    public Duration getDeadLetters() {
        return deadLetters;
    }

    @JsonProperty
    public void setDeadLetters(Duration deadLetters) {
        this.deadLetters = deadLetters;
    }

    @JsonProperty
    public Duration getEvery() {
        return every;
    }

    @JsonProperty
    public void setEvery(Duration every) {
        this.every = every;
    }
}
