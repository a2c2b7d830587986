package io.tenantconfig.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MetaHealth} over Meta's Graph API ({@link GraphClient}), every call through the
 * {@link GraphThrottle}. What Meta answers is read leniently (missing fields are absent), but an
 * answer without the one field a call is about is a failure to answer, never a guess.
 */
final class GraphApiMetaHealth implements MetaHealth {

    /** The business portfolio's messaging limit, asked with each number (Meta's field since October 2025). */
    static final String PORTFOLIO_LIMIT = "whatsapp_business_manager_messaging_limit";

    /** The fields asked about each number. */
    static final String NUMBER_FIELDS = "display_phone_number,verified_name,quality_rating,"
            + "code_verification_status,name_status,status,platform_type,throughput," + PORTFOLIO_LIMIT;

    /** The Graph version from which phone numbers have a {@code health_status}. */
    private static final int HEALTH_STATUS_SINCE = 18;

    /** Graph's "unsupported get request" / "object does not exist": no such number for this token. */
    private static final int NO_SUCH_OBJECT = 100;

    private final GraphClient graph;
    private final GraphThrottle throttle;
    private final Clock clock;

    GraphApiMetaHealth(GraphApiSettings settings, GraphThrottle throttle, Clock clock) {
        this.graph = new GraphClient(settings);
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public TokenFacts inspect(Secret token, AppCredentials tenantApp) {
        App app = app(tenantApp);
        JsonNode data = throttle.call(() -> graph.send(
                        "GET",
                        "debug_token",
                        Map.of("input_token", token.reveal()),
                        app.token(),
                        null,
                        new Redactor(token.reveal(), app.secret())))
                .path("data");
        if (!data.isObject() || !data.has("is_valid")) {
            throw graph.unreadable("debug_token", "no data.is_valid in Meta's answer");
        }
        JsonNode error = data.path("error");
        Set<String> scopes = new HashSet<>();
        data.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        Map<String, Set<MetaId>> targets = new HashMap<>();
        data.path("granular_scopes").forEach(granular -> {
            if (granular.has("target_ids")) {
                Set<MetaId> ids = new HashSet<>();
                granular.path("target_ids").forEach(id -> metaId(id.asText()).ifPresent(ids::add));
                targets.put(granular.path("scope").asText(), ids);
            }
        });
        long expiresAt = data.path("expires_at").asLong(0);
        long dataAccessExpiresAt = data.path("data_access_expires_at").asLong(0);
        return new TokenFacts(
                data.path("is_valid").asBoolean(false),
                error.has("code") ? error.get("code").asInt() : null,
                error.has("subcode") ? error.get("subcode").asInt() : null,
                data.path("type").asText(null),
                metaId(data.path("app_id").asText("")).orElse(null),
                expiresAt > 0 ? Instant.ofEpochSecond(expiresAt) : null,
                dataAccessExpiresAt > 0 ? Instant.ofEpochSecond(dataAccessExpiresAt) : null,
                scopes,
                targets);
    }

    @Override
    public NumberFacts phoneNumber(MetaId phoneNumberId, Secret token) {
        JsonNode number;
        try {
            number = number(phoneNumberId, token, numberFields());
        } catch (MetaCallFailedException e) {
            if (!noSuchObject(e)) {
                throw e;
            }
            if (!e.failure().message().contains(PORTFOLIO_LIMIT)) {
                return NumberFacts.unknown(phoneNumberId);
            }
            // A Graph version without the portfolio's limit refuses the field (code 100, "nonexisting
            // field"), which is no verdict on the number: asked again without it.
            try {
                number = number(phoneNumberId, token, numberFields().replace("," + PORTFOLIO_LIMIT, ""));
            } catch (MetaCallFailedException again) {
                if (noSuchObject(again)) {
                    return NumberFacts.unknown(phoneNumberId);
                }
                throw again;
            }
        }
        return new NumberFacts(
                phoneNumberId,
                true,
                number.path("status").asText(null),
                number.path("quality_rating").asText(null),
                number.path("name_status").asText(null),
                number.path("health_status").path("can_send_message").asText(null),
                number.path("throughput").path("level").asText(null),
                messagingLimit(number));
    }

    /**
     * The business portfolio's messaging limit: {@code whatsapp_business_manager_messaging_limit}
     * since Meta set limits per portfolio (October 2025), else the number's older
     * {@code messaging_limit_tier} where a Graph version still answers it.
     */
    private static String messagingLimit(JsonNode number) {
        JsonNode limit = number.path("whatsapp_business_manager_messaging_limit");
        if (limit.isObject()) {
            limit = limit.path("current_limit");
        }
        String tier = limit.isValueNode() ? limit.asText(null) : null;
        return tier != null ? tier : number.path("messaging_limit_tier").asText(null);
    }

    private JsonNode number(MetaId phoneNumberId, Secret token, String fields) {
        return throttle.call(() -> graph.send(
                "GET",
                phoneNumberId.value(),
                Map.of("fields", fields),
                token.reveal(),
                null,
                new Redactor(token.reveal())));
    }

    private static boolean noSuchObject(MetaCallFailedException e) {
        return e.failure().kind() == MetaFailure.Kind.REJECTED
                && Integer.valueOf(NO_SUCH_OBJECT).equals(e.failure().code());
    }

    /** The number fields, with {@code health_status} where the configured Graph version has it. */
    String numberFields() {
        String version = graph.settings().version();
        int major = Integer.parseInt(version.substring(1, version.indexOf('.')));
        return major >= HEALTH_STATUS_SINCE ? NUMBER_FIELDS + ",health_status" : NUMBER_FIELDS;
    }

    @Override
    public Set<MetaId> accountNumbers(MetaId wabaId, Secret token) {
        JsonNode answer = throttle.call(() -> graph.send(
                "GET",
                wabaId.value() + "/phone_numbers",
                Map.of("fields", "id", "limit", "100"),
                token.reveal(),
                null,
                new Redactor(token.reveal())));
        if (!answer.path("data").isArray()) {
            throw graph.unreadable(wabaId.value() + "/phone_numbers", "no data list in Meta's answer");
        }
        Set<MetaId> numbers = new HashSet<>();
        answer.path("data")
                .forEach(number -> metaId(number.path("id").asText("")).ifPresent(numbers::add));
        return numbers;
    }

    @Override
    public AccessGrant extend(Secret token, AppCredentials tenantApp) {
        App app = app(tenantApp);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "fb_exchange_token");
        query.put("client_id", app.id().value());
        query.put("client_secret", app.secret());
        query.put("fb_exchange_token", token.reveal());
        JsonNode body = throttle.call(() ->
                graph.send("GET", "oauth/access_token", query, null, null, new Redactor(token.reveal(), app.secret())));
        String extended = body.path("access_token").asText("");
        if (extended.isEmpty()) {
            throw graph.unreadable("oauth/access_token", "no access_token in Meta's answer");
        }
        long expiresIn = body.path("expires_in").asLong(0);
        try {
            return new AccessGrant(
                    Secret.of(extended), expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null);
        } catch (InvalidValueException e) {
            throw graph.unreadable("oauth/access_token", "the access_token in Meta's answer is not usable");
        }
    }

    @Override
    public MetaId platformApp() {
        return graph.settings().appId();
    }

    /** The tenant's own app when it has its id and secret, else the platform's. */
    private App app(AppCredentials tenantApp) {
        if (tenantApp.appId() != null && tenantApp.appSecret() != null) {
            return new App(tenantApp.appId(), tenantApp.appSecret().reveal());
        }
        return new App(graph.settings().appId(), graph.settings().appSecret().reveal());
    }

    private record App(MetaId id, String secret) {
        String token() {
            return id.value() + "|" + secret;
        }

        @Override
        public String toString() {
            return "App[" + id + "]";
        }
    }

    private static Optional<MetaId> metaId(String value) {
        try {
            return Optional.of(MetaId.parse(value));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
