package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase;
import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase.Sender;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase.Receipt;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase.WebhookChange;
import io.tenantconfig.application.port.in.WebhookHandshakeUseCase;
import io.tenantconfig.domain.AccountEvents;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.UntrustedText;
import io.tenantconfig.domain.capacity.CapacityEvents;
import io.tenantconfig.domain.template.TemplateWebhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Meta sends WhatsApp webhooks: each tenant's own callback URL (named by its unguessable
 * key) and one app-level URL for platforms with a single callback. Public (Meta has no token of
 * ours), rate limited per source address. A body is authenticated by its signature before a
 * byte of it is read as JSON; it is answered 200 only once everything in it is committed.
 */
@Path("/api/v1/webhooks/whatsapp")
@RateLimited(RateLimitPolicy.Kind.WEBHOOK)
@Tag(name = "Webhooks", description = "Meta's WhatsApp webhooks: handshake and signed payloads (public, signed)")
public final class WebhooksResource {

    /** Meta's payloads are at most a few hundred kilobytes; a body may be this large. */
    public static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

    static final String SIGNATURE = "X-Hub-Signature-256";
    private static final String OBJECT = "whatsapp_business_account";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MOST_FIELD_LENGTH = 100;
    private static final int MOST_FACTS = 100;
    private static final int MOST_FACT_LENGTH = 300;
    private static final Logger LOG = LoggerFactory.getLogger(WebhooksResource.class);
    /** Numbers are read exactly as written (no rounding through a double), so Meta's value is delivered unchanged. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final WebhookHandshakeUseCase handshake;
    private final AuthenticateWebhookUseCase authenticate;
    private final ReceiveWebhookUseCase receive;

    public WebhooksResource(
            WebhookHandshakeUseCase handshake, AuthenticateWebhookUseCase authenticate, ReceiveWebhookUseCase receive) {
        this.handshake = handshake;
        this.authenticate = authenticate;
        this.receive = receive;
    }

    /** What a body came to: its changes stored for the first time, those seen before, those nobody owns. */
    public record Received(
            @JsonProperty("received") int received,
            @JsonProperty("duplicates") int duplicates,
            @JsonProperty("unroutable") int unroutable) {

        static Received of(Receipt receipt) {
            return new Received(receipt.stored(), receipt.duplicates(), receipt.unroutable());
        }
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's handshake for the app-level callback URL (verify token WEBHOOK_VERIFY_TOKEN)")
    public String verifyApp(
            @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String verifyToken,
            @QueryParam("hub.challenge") String challenge) {
        return handshake.answer(Optional.empty(), mode, verifyToken, challenge).orElseThrow(WebhooksResource::refused);
    }

    @GET
    @Path("/{key}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's handshake for a tenant's callback URL (the tenant's verify token)")
    public String verifyTenant(
            @Parameter(description = "the tenant's webhook key, from GET /api/v1/tenant/config/webhook")
                    @PathParam("key")
                    String key,
            @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String verifyToken,
            @QueryParam("hub.challenge") String challenge) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw refused();
        }
        return handshake.answer(Optional.of(key), mode, verifyToken, challenge).orElseThrow(WebhooksResource::refused);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signed payload for the platform's app (X-Hub-Signature-256 with FB_APP_SECRET)")
    public Received receiveApp(@HeaderParam(SIGNATURE) String signature, byte[] body) {
        return take(Optional.empty(), body, signature);
    }

    @POST
    @Path("/{key}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signed payload for one tenant (its own app's secret, else the platform's)")
    public Received receiveTenant(@PathParam("key") String key, @HeaderParam(SIGNATURE) String signature, byte[] body) {
        return take(validKey(key), body, signature);
    }

    private Received take(Optional<String> key, byte[] body, String signature) {
        byte[] bytes = body == null ? new byte[0] : body;
        Sender sender = authenticate
                .authenticate(key, bytes, signature)
                .match(
                        authentic -> authentic,
                        () -> {
                            throw new ApiException(404, "There is no webhook URL with this key.");
                        },
                        why -> {
                            LOG.warn("Refused a webhook body of {} bytes: {}", bytes.length, why);
                            throw new ApiException(401, "The body's signature does not check: " + why + ".");
                        });
        List<WebhookChange> changes = changesIn(bytes);
        return Received.of(receive.receive(sender, changes));
    }

    /** Every {@code entry[] x changes[]} of the body; the whole body is refused if any part is not as Meta sends it. */
    static List<WebhookChange> changesIn(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed(400, "The body is not JSON.");
        }
        if (root == null || !root.isObject()) {
            throw malformed(400, "The body is not a JSON object.");
        }
        if (!OBJECT.equals(root.path("object").asText(null))) {
            throw malformed(422, "The body's object is not " + OBJECT + ".");
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            throw malformed(422, "The body has no entry array.");
        }
        List<WebhookChange> changes = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode entryChanges = entry.get("changes");
            if (!entry.isObject() || entryChanges == null || !entryChanges.isArray()) {
                throw malformed(422, "Each entry needs a changes array.");
            }
            MetaId account = metaId(entry.get("id"));
            for (JsonNode change : entryChanges) {
                changes.add(change(account, change));
            }
        }
        return changes;
    }

    private static WebhookChange change(MetaId account, JsonNode change) {
        JsonNode field = change.get("field");
        JsonNode value = change.get("value");
        if (field == null
                || !field.isTextual()
                || field.asText().isEmpty()
                || field.asText().length() > MOST_FIELD_LENGTH) {
            throw malformed(422, "Each change needs a field of 1 to " + MOST_FIELD_LENGTH + " characters.");
        }
        if (value == null || !value.isObject()) {
            throw malformed(422, "Each change needs a value object.");
        }
        JsonNode messages = value.get("messages");
        String messageId = messages != null && messages.isArray() && messages.size() == 1
                ? messages.get(0).path("id").asText(null)
                : null;
        Map<String, String> facts = new LinkedHashMap<>();
        if (AccountEvents.LIFECYCLE_FIELDS.contains(field.asText())
                || CapacityEvents.FIELDS.contains(field.asText())
                || TemplateWebhooks.FIELDS.contains(field.asText())) {
            flatten("", value, facts, 0);
        }
        try {
            return new WebhookChange(
                    account,
                    field.asText(),
                    metaId(value.path("metadata").get("phone_number_id")),
                    JSON.writeValueAsString(value),
                    messageId,
                    facts);
        } catch (JsonProcessingException e) {
            throw malformed(422, "A change's value cannot be written back as JSON.");
        }
    }

    /** The scalars of a lifecycle change's value by dotted path, bounded in depth, number and length. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> facts, int depth) {
        if (depth > 3 || facts.size() >= MOST_FACTS) {
            return;
        }
        if (node.isValueNode()) {
            String text = UntrustedText.escaped(node.asText());
            facts.put(prefix, text.length() > MOST_FACT_LENGTH ? text.substring(0, MOST_FACT_LENGTH) : text);
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path(prefix, Integer.toString(i)), node.get(i), facts, depth + 1);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            flatten(path(prefix, f.getKey()), f.getValue(), facts, depth + 1);
        }
    }

    /** {@code ban_info.waba_ban_state}, {@code restriction_info.0.restriction_type}. */
    private static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static MetaId metaId(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
            return null;
        }
        try {
            return MetaId.parse(node.asText());
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static ApiException malformed(int status, String detail) {
        LOG.warn("Refused an authentic webhook body: {}", detail);
        return new ApiException(status, detail + " Nothing of it was stored.");
    }

    /**
     * A key that cannot be one matches no configuration: the same answer as an unknown one (the
     * handshake answers 403 to both, as to any failure).
     */
    private static Optional<String> validKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ApiException(404, "There is no webhook URL with this key.");
        }
        return Optional.of(key);
    }

    private static ApiException refused() {
        return new ApiException(
                403, "The webhook handshake failed: hub.mode, hub.verify_token or hub.challenge is wrong.");
    }
}
