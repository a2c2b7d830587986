package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers events to the platform's receiver ({@code EVENTS_WEBHOOK_URL}) as JSON, one tenant's
 * events in order in one request ({@code {"events": [{id, type, tenant_id, occurred_at, data},
 * ...]}}; with batches of one, the event object alone), signed as Meta signs its webhooks: header
 * {@code X-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body with
 * {@code EVENTS_WEBHOOK_SECRET}. Any 2xx answer accepts every event of the request; anything
 * else, or no answer within the timeout, is a failure the outbox retries (413: the caller may try
 * fewer events at once). This module holds the service's outbound HTTP: Meta's Graph
 * API, and this.
 */
final class SignedEventSink implements EventSink {

    static final String SIGNATURE_HEADER = "X-Signature-256";

    private final URI url;
    private final Secret secret;
    private final Duration timeout;
    private final boolean oneEventPerRequest;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();

    /**
     * @param oneEventPerRequest the receiver takes one event object per request (batches of 1, the
     *     body of earlier versions); otherwise every request is {@code {"events": [...]}}
     */
    SignedEventSink(URI url, Secret secret, Duration timeout, boolean oneEventPerRequest) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.oneEventPerRequest = oneEventPerRequest;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void deliver(List<OutboxEvent> events) {
        byte[] body = body(events);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(body, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailedException("the receiver did not answer within "
                    + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"));
        } catch (IOException e) {
            throw new DeliveryFailedException(
                    "the receiver could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while delivering");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailedException(
                    "the receiver answered HTTP " + response.statusCode(), response.statusCode());
        }
    }

    /** The signature a receiver recomputes: lowercase hex of HMAC-SHA256(body, secret). */
    static String sign(byte[] body, Secret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] body(List<OutboxEvent> events) {
        try {
            if (oneEventPerRequest && events.size() == 1) {
                return json.writeValueAsBytes(event(events.get(0)));
            }
            ObjectNode body = json.createObjectNode();
            ArrayNode array = body.putArray("events");
            for (OutboxEvent event : events) {
                array.add(event(event));
            }
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailedException("an event's data is not JSON");
        }
    }

    /** One event as receivers read it: {@code id, type, tenant_id, occurred_at, data}. */
    private ObjectNode event(OutboxEvent event) {
        ObjectNode node = json.createObjectNode()
                .put("id", event.id())
                .put("type", event.type())
                .put("tenant_id", event.tenantId().value())
                .put("occurred_at", event.occurredAt().toString());
        // As stored: Meta's numbers reach the receiver exactly as Meta wrote them, not through a double.
        node.putRawValue("data", new RawValue(event.dataJson()));
        return node;
    }
}
