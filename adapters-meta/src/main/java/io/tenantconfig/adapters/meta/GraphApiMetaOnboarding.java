package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.TokenInspection;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link MetaOnboarding} over Meta's Graph API ({@link GraphClient}). No call is retried here
 * (the signup code works once, and the other steps are resumed by the caller).
 */
final class GraphApiMetaOnboarding implements MetaOnboarding {

    /** Meta's {@code code_verification_status} values of a number that has to be verified before it is registered. */
    private static final Set<String> UNVERIFIED = Set.of("NOT_VERIFIED", "EXPIRED");

    private final GraphApiSettings settings;
    private final GraphClient graph;
    private final Clock clock;

    GraphApiMetaOnboarding(GraphApiSettings settings, Clock clock) {
        this.settings = settings;
        this.graph = new GraphClient(settings);
        this.clock = clock;
    }

    @Override
    public AccessGrant exchangeCode(SignupCode code, WebUrl redirectUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.appId().value());
        query.put("client_secret", settings.appSecret().reveal());
        query.put("code", code.value());
        if (redirectUri != null) {
            query.put("redirect_uri", redirectUri.value());
        }
        Redactor redactor = new Redactor(settings.appSecret().reveal(), code.value());
        JsonNode body = graph.send("GET", "oauth/access_token", query, null, null, redactor);
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw graph.unreadable("oauth/access_token", "no access_token in Meta's answer");
        }
        Instant expiresAt =
                body.hasNonNull("expires_in") && body.get("expires_in").asLong() > 0
                        ? clock.instant().plusSeconds(body.get("expires_in").asLong())
                        : null;
        try {
            return new AccessGrant(Secret.of(token), expiresAt);
        } catch (InvalidValueException e) {
            throw graph.unreadable("oauth/access_token", "the access_token in Meta's answer is not usable");
        }
    }

    @Override
    public TokenInspection inspectToken(Secret token) {
        Redactor redactor = new Redactor(settings.appSecret().reveal(), token.reveal());
        JsonNode data = graph.send(
                        "GET", "debug_token", Map.of("input_token", token.reveal()), graph.appToken(), null, redactor)
                .path("data");
        if (!data.isObject() || !data.has("is_valid")) {
            throw graph.unreadable("debug_token", "no data.is_valid in Meta's answer");
        }
        long expiresAt = data.path("expires_at").asLong(0);
        Set<String> scopes = new HashSet<>();
        data.path("scopes").forEach(scope -> {
            if (scope.isTextual()) {
                scopes.add(scope.asText());
            }
        });
        return new TokenInspection(
                data.get("is_valid").asBoolean(),
                data.path("type").isTextual() ? data.get("type").asText() : null,
                expiresAt > 0 ? Instant.ofEpochSecond(expiresAt) : null,
                scopes);
    }

    @Override
    public void subscribeApp(MetaId wabaId, Secret token) {
        postSuccessfully(wabaId.value() + "/subscribed_apps", token, null, new Redactor(token.reveal()));
    }

    @Override
    public void overrideCallback(MetaId wabaId, Secret token, WebUrl callbackUrl, VerifyToken verifyToken) {
        ObjectNode body = graph.json()
                .createObjectNode()
                .put("override_callback_uri", callbackUrl.value())
                .put("verify_token", verifyToken.value());
        postSuccessfully(
                wabaId.value() + "/subscribed_apps", token, body, new Redactor(token.reveal(), verifyToken.value()));
    }

    @Override
    public boolean awaitsVerification(MetaId phoneNumberId, Secret token) {
        JsonNode number = graph.send(
                "GET",
                phoneNumberId.value(),
                Map.of("fields", "code_verification_status"),
                token.reveal(),
                null,
                new Redactor(token.reveal()));
        String status = number.path("code_verification_status").asText("");
        return UNVERIFIED.contains(status);
    }

    @Override
    public void registerPhone(MetaId phoneNumberId, Secret pin, Secret token) {
        ObjectNode body = graph.json()
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("pin", pin.reveal());
        postSuccessfully(phoneNumberId.value() + "/register", token, body, new Redactor(token.reveal(), pin.reveal()));
    }

    /** Posts {@code body} (none when null) and expects Meta's {@code {"success": true}}. */
    private void postSuccessfully(String path, Secret token, ObjectNode body, Redactor redactor) {
        expectSuccess(path, graph.send("POST", path, Map.of(), token.reveal(), body, redactor));
    }

    private void expectSuccess(String path, JsonNode body) {
        if (!body.path("success").asBoolean(false)) {
            throw graph.unreadable(path, "Meta did not answer {\"success\": true}");
        }
    }
}
