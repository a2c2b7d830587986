package io.tenantconfig.bootstrap.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import io.tenantconfig.adapters.meta.MetaAdapters;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.service.DeliveryPolicy;
import io.tenantconfig.domain.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code events} section: where the events for the rest of the platform are delivered
 * ({@code EVENTS_WEBHOOK_URL}, signed with {@code EVENTS_WEBHOOK_SECRET}), and how delivery is
 * retried. Without a URL events are only stored, and listed for admins.
 */
public class EventsFactory {

    private String webhookUrl;
    private String webhookSecret;

    @NotNull
    private Duration deliverEvery = Duration.milliseconds(250);

    /** Deliveries in progress at once on an instance, each for one tenant. */
    @Min(1)
    @Max(256)
    private int deliveriesInFlight = 16;

    @NotNull
    private Duration requestTimeout = Duration.seconds(10);

    @NotNull
    private Duration firstBackoff = Duration.seconds(10);

    @NotNull
    private Duration maxBackoff = Duration.hours(1);

    @NotNull
    private Duration giveUpAfter = Duration.days(7);

    @Min(1)
    @Max(1000)
    private int batchSize = 100;

    /** The receiver, when one is configured. */
    public Optional<EventSink> sink() {
        if (webhookUrl == null) {
            return Optional.empty();
        }
        return Optional.of(MetaAdapters.eventSink(
                URI.create(webhookUrl), Secret.of(webhookSecret), requestTimeout.toJavaDuration(), batchSize == 1));
    }

    public DeliveryPolicy policy() {
        return new DeliveryPolicy(
                batchSize,
                requestTimeout.toJavaDuration().multipliedBy(6),
                firstBackoff.toJavaDuration(),
                maxBackoff.toJavaDuration(),
                giveUpAfter.toJavaDuration());
    }

    public java.time.Duration deliverEveryAsJava() {
        return deliverEvery.toJavaDuration();
    }

    @ValidationMethod(
            message = "needs a webhookSecret (EVENTS_WEBHOOK_SECRET) of at least 32 characters, and an"
                    + " http(s) webhookUrl, when a webhookUrl (EVENTS_WEBHOOK_URL) is set")
    @JsonIgnore
    public boolean isReceiverComplete() {
        if (webhookUrl == null) {
            return true;
        }
        return webhookSecret != null
                && webhookSecret.length() >= 32
                && (webhookUrl.startsWith("https://") || webhookUrl.startsWith("http://"));
    }

    @JsonProperty
    public String getWebhookUrl() {
        return webhookUrl;
    }

    @JsonProperty
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl;
    }

    @JsonProperty
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
    }

    @JsonProperty
    public Duration getDeliverEvery() {
        return deliverEvery;
    }

    @JsonProperty
    public void setDeliverEvery(Duration deliverEvery) {
        this.deliverEvery = deliverEvery;
    }

    @JsonProperty
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @JsonProperty
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
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
    public Duration getGiveUpAfter() {
        return giveUpAfter;
    }

    @JsonProperty
    public void setGiveUpAfter(Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
    }

    @JsonProperty
    public int getBatchSize() {
        return batchSize;
    }

    /** The most events one request to the receiver carries (1: one event object per request, as before batches). */
    @JsonProperty
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    @JsonProperty
    public int getDeliveriesInFlight() {
        return deliveriesInFlight;
    }

    @JsonProperty
    public void setDeliveriesInFlight(int deliveriesInFlight) {
        this.deliveriesInFlight = deliveriesInFlight;
    }
}
