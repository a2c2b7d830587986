package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.OutboxEvent;
import io.tenantconfig.domain.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers events to the platform's receiver ({@code EVENTS_WEBHOOK_URL}) as JSON
 * ({@code {id, type, tenant_id, occurred_at, data}}), signed as Meta signs its webhooks: header
 * {@code X-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body with
 * {@code EVENTS_WEBHOOK_SECRET}. Any 2xx answer accepts the event; anything else, or no answer,
 * is a failure the outbox retries. This module holds the service's outbound HTTP: Meta's Graph
 * API, and this.
 */
public final class SignedEventSink implements EventSink {

    public static final String SIGNATURE_HEADER = "X-Signature-256";

    private final URI url;
    private final Secret secret;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();

    public SignedEventSink(URI url, Secret secret, Duration timeout) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void deliver(OutboxEvent event) {
        byte[] body = body(event);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(body, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailedException(
                    "the receiver could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while delivering");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailedException("the receiver answered HTTP " + response.statusCode());
        }
    }

    /** The signature a receiver recomputes: lowercase hex of HMAC-SHA256(body, secret). */
    public static String sign(byte[] body, Secret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] body(OutboxEvent event) {
        try {
            ObjectNode body = json.createObjectNode()
                    .put("id", event.id())
                    .put("type", event.type())
                    .put("tenant_id", event.tenantId().value())
                    .put("occurred_at", event.occurredAt().toString());
            body.set("data", json.readTree(event.dataJson()));
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailedException("the event's data is not JSON");
        }
    }
}
