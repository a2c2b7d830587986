package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to Meta's Graph API over the JDK's HTTP client, with the configured timeouts and no
 * redirects, read into JSON; any failure becomes a {@link MetaCallFailedException} saying how it
 * failed. Logs name the method, the path (never the query, which can hold the app secret or a
 * token), the status and the time taken; anything of Meta's that is logged is redacted first.
 */
final class GraphClient {

    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);

    private final GraphApiSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;

    GraphClient(GraphApiSettings settings) {
        this.settings = settings;
        // Meta's answers are read with a mapper of their own: lenient about fields Meta adds, and
        // never reconfigured by the rules the API applies to request bodies.
        this.json = JsonMapper.builder().build();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    GraphApiSettings settings() {
        return settings;
    }

    ObjectMapper json() {
        return json;
    }

    /** The platform's app access token, {@code app_id|app_secret}, which Meta accepts for debug_token. */
    String appToken() {
        return settings.appId().value() + "|" + settings.appSecret().reveal();
    }

    JsonNode send(
            String method, String path, Map<String, String> query, String bearer, JsonNode body, Redactor redactor) {
        URI uri = settings.resolve(path + query(query));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            LOG.warn(
                    "Graph API {} /{}/{} timed out after {} ms",
                    method,
                    settings.version(),
                    path,
                    millisSince(started));
            throw new MetaCallFailedException(
                    MetaFailure.of(Kind.TIMEOUT, "Meta did not answer within " + spoken(settings.requestTimeout())));
        } catch (IOException e) {
            LOG.warn(
                    "Graph API {} /{}/{} failed: {}",
                    method,
                    settings.version(),
                    path,
                    e.getClass().getSimpleName());
            throw new MetaCallFailedException(MetaFailure.of(Kind.META_UNAVAILABLE, "Meta could not be reached"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaCallFailedException(MetaFailure.of(Kind.META_UNAVAILABLE, "interrupted while calling Meta"));
        }
        int status = response.statusCode();
        LOG.info("Graph API {} /{}/{} -> {} in {} ms", method, settings.version(), path, status, millisSince(started));
        Optional<JsonNode> parsed = parse(response.body());
        if (status >= 200 && status < 300) {
            return parsed.orElseThrow(() -> unreadable(path, "Meta's answer is not JSON"));
        }
        Optional<GraphError> error = parsed.flatMap(GraphError::parse);
        if (error.isEmpty()) {
            Kind kind = status == 429 ? Kind.RATE_LIMITED : Kind.META_UNAVAILABLE;
            throw new MetaCallFailedException(new MetaFailure(
                    kind,
                    "Meta answered HTTP " + status + " without its error JSON",
                    null,
                    null,
                    null,
                    kind == Kind.RATE_LIMITED ? retryAfter(response) : null));
        }
        MetaFailure failure = error.get().toFailure(status, retryAfter(response), redactor);
        LOG.warn(
                "Graph API {} /{}/{} refused: code {} subcode {} fbtrace_id {}",
                method,
                settings.version(),
                path,
                failure.code(),
                failure.subcode(),
                failure.fbtraceId());
        throw new MetaCallFailedException(failure);
    }

    private Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Duration retryAfter(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(v -> v.matches("[0-9]{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(settings.defaultRetryAfter());
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    MetaCallFailedException unreadable(String path, String why) {
        LOG.warn("Graph API /{}/{}: {}", settings.version(), path, why);
        return new MetaCallFailedException(MetaFailure.of(Kind.META_UNAVAILABLE, why));
    }

    /** "10 seconds", or "500 ms" below a second. */
    private static String spoken(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " seconds";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
