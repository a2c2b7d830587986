package io.tenantconfig.adapters.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tenantconfig.application.port.out.EventSink.DeliveryFailedException;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the platform's receiver gets: one tenant's events in one signed request, and what its answers mean. */
class SignedEventSinkTest {

    @RegisterExtension
    static final WireMockExtension RECEIVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Secret SECRET = Secret.of(SecretValues.secret("events-signing-secret-0123456789abcdef"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<OutboxEvent> TWO = List.of(event(41, "health.changed"), event(42, "whatsapp.change"));

    private static OutboxEvent event(long id, String type) {
        return new OutboxEvent(
                id,
                type,
                TenantId.of("acme"),
                Instant.parse("2026-12-02T06:00:00Z"),
                "{\"value\":{\"n\":12345678901234567890.5}}",
                OutboxEvent.Status.PENDING,
                0,
                null);
    }

    private static SignedEventSink sink(boolean oneEventPerRequest, Duration timeout) {
        return new SignedEventSink(URI.create(RECEIVER.baseUrl() + "/events"), SECRET, timeout, oneEventPerRequest);
    }

    private static LoggedRequest theRequest() {
        List<LoggedRequest> requests = RECEIVER.findAll(postRequestedFor(urlPathEqualTo("/events")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void a_batch_is_one_signed_request_with_the_events_in_order_each_as_before() throws Exception {
        RECEIVER.stubFor(post(urlPathEqualTo("/events"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        sink(false, Duration.ofSeconds(2)).deliver(TWO);

        LoggedRequest request = theRequest();
        assertThat(request.getHeader(SignedEventSink.SIGNATURE_HEADER))
                .isEqualTo("sha256=" + SignedEventSink.sign(request.getBody(), SECRET));
        JsonNode events = JSON.readTree(request.getBody()).get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("id").asLong()).isEqualTo(41);
        assertThat(events.get(1).get("id").asLong()).isEqualTo(42);
        assertThat(events.get(1).fieldNames())
                .toIterable()
                .containsExactly("id", "type", "tenant_id", "occurred_at", "data");
        assertThat(request.getBodyAsString()).contains("12345678901234567890.5");
    }

    @Test
    void with_batches_of_one_the_body_is_the_event_object_alone_as_earlier_receivers_expect() throws Exception {
        RECEIVER.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(204)));

        sink(true, Duration.ofSeconds(2)).deliver(List.of(event(7, "token.refreshed")));

        JsonNode body = JSON.readTree(theRequest().getBody());
        assertThat(body.get("id").asLong()).isEqualTo(7);
        assertThat(body.get("type").asText()).isEqualTo("token.refreshed");
        assertThat(body.has("events")).isFalse();
    }

    @Test
    void a_413_says_the_request_was_too_large_and_other_refusals_name_their_status() {
        RECEIVER.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(413)));
        assertThatThrownBy(() -> sink(false, Duration.ofSeconds(2)).deliver(TWO))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.tooLarge()).isTrue();
                    assertThat(e.status()).isEqualTo(413);
                });

        RECEIVER.stubFor(post(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> sink(false, Duration.ofSeconds(2)).deliver(TWO))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.tooLarge()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("the receiver answered HTTP 503");
                });
    }

    @Test
    void a_receiver_that_answers_too_late_is_a_failure_never_a_delivery() {
        RECEIVER.stubFor(post(urlPathEqualTo("/events"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

        assertThatThrownBy(() -> sink(false, Duration.ofMillis(300)).deliver(TWO))
                .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(DeliveryFailedException.NO_ANSWER);
                    assertThat(e.getMessage()).startsWith("the receiver did not answer within");
                });
    }
}
