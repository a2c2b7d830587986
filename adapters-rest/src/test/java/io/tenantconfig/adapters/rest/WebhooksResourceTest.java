package io.tenantconfig.adapters.rest;

import static io.tenantconfig.testing.MetaSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.JsonText;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Meta's webhooks over HTTP: the handshake, signed bodies, bad input, and the tenant's and admins' views. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhooksResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String APP_URL = "/api/v1/webhooks/whatsapp";
    /** The platform's secret, as {@link ApiFixture#FALLBACK} holds it ({@code META_APP_SECRET}). */
    private static final String PLATFORM_SECRET = SecretValues.secret("platform-app-secret-8888");

    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String GLOBEX_USER = Tokens.hs256(Tokens.user("globex"));
    private static final String ADMIN = Tokens.hs256(Tokens.admin());
    private static final String SERVICE = Tokens.hs256(Tokens.user("platform", "service"));
    private static final String ACME_WABA = TestConfigs.wabaIdOf("acme");
    private static final String ACME_NUMBER = TestConfigs.phoneNumberIdOf("acme");
    private static final String GLOBEX_WABA = TestConfigs.wabaIdOf("globex");
    private static final String GLOBEX_NUMBER = TestConfigs.phoneNumberIdOf("globex");

    @BeforeEach
    void acmeWithItsOwnApp_globexOnThePlatformsApp() {
        FIXTURE.clear();
        FIXTURE.store.forgetReceivedAndPublished();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        FIXTURE.insert(TestConfigs.aConfig("globex").app(AppCredentials.NONE).build());
    }

    private static String keyOf(String tenant) {
        return FIXTURE.store.keyOf(TenantId.of(tenant)).orElseThrow();
    }

    private static String acmeSecret() {
        return FIXTURE.store
                .load(TenantId.of("acme"))
                .orElseThrow()
                .app()
                .appSecret()
                .reveal();
    }

    /** One message change, as Meta sends it. */
    static String messageChange(String number, String messageId, String text) {
        return """
                {"field":"messages","value":{"messaging_product":"whatsapp",\
                "metadata":{"display_phone_number":"15550100000","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Ana"},"wa_id":"5511999999999"}],\
                "messages":[{"from":"5511999999999","id":"%s","timestamp":"1764547200","type":"text",\
                "text":{"body":"%s"}}]}}""".formatted(number, messageId, text);
    }

    static String entry(String waba, String... changes) {
        return "{\"id\":\"" + waba + "\",\"changes\":[" + String.join(",", changes) + "]}";
    }

    static String payload(String... entries) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private static Response post(String path, byte[] body, String signature) {
        Invocation.Builder request = API.target(path).request();
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    private static Response postSigned(String path, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(path, bytes, sign(secret, bytes));
    }

    private static Response handshake(String path, String mode, String token, String challenge) {
        WebTarget target = API.target(path);
        if (mode != null) {
            target = target.queryParam("hub.mode", mode);
        }
        if (token != null) {
            target = target.queryParam("hub.verify_token", token);
        }
        if (challenge != null) {
            target = target.queryParam("hub.challenge", challenge);
        }
        return target.request().get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Response response) {
        return response.readEntity(Map.class);
    }

    private static Invocation.Builder as(String token, String path) {
        return API.target(path).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Test
    void metas_handshake_on_a_tenants_url_gets_the_challenge_back_as_plain_text() {
        Response response = handshake(APP_URL + "/" + keyOf("acme"), "subscribe", "verify-acme", "1158201444");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("text/plain");
        assertThat(response.readEntity(String.class)).isEqualTo("1158201444");
    }

    @Test
    void a_wrong_or_foreign_verify_token_or_a_missing_part_gets_403_and_nothing_echoed() {
        String url = APP_URL + "/" + keyOf("acme");
        for (Response response : List.of(
                handshake(url, "subscribe", "wrong-token", "1158201444"),
                handshake(url, "subscribe", "verify-globex", "1158201444"),
                handshake(url, "subscribe", "verify-acme", null),
                handshake(url, null, "verify-acme", "1158201444"),
                handshake(url, "subscribe", null, "1158201444"))) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.readEntity(String.class)).doesNotContain("1158201444");
        }
    }

    @Test
    void the_app_level_url_answers_to_the_platforms_verify_token() {
        Response ok = handshake(APP_URL, "subscribe", "platform-verify-token", "77");
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.readEntity(String.class)).isEqualTo("77");
        assertThat(handshake(APP_URL, "subscribe", "verify-acme", "77").getStatus())
                .isEqualTo(403);
    }

    @Test
    void an_unknown_or_malformed_key_fails_the_handshake_and_is_404_for_bodies() {
        assertThat(handshake(APP_URL + "/" + "0".repeat(32), "subscribe", "verify-acme", "1")
                        .getStatus())
                .isEqualTo(403);
        assertThat(handshake(APP_URL + "/acme", "subscribe", "verify-acme", "1").getStatus())
                .as("a tenant id is not a key")
                .isEqualTo(403);
        assertThat(postSigned(APP_URL + "/" + "0".repeat(32), payload(), PLATFORM_SECRET)
                        .getStatus())
                .isEqualTo(404);
        assertThat(postSigned(APP_URL + "/acme", payload(), PLATFORM_SECRET).getStatus())
                .isEqualTo(404);
    }

    @Test
    void a_signed_batch_touching_two_tenants_lands_routed_per_tenant_and_once() {
        String body = payload(
                entry(ACME_WABA, messageChange(ACME_NUMBER, "wamid.A1", "hello acme")),
                entry(GLOBEX_WABA, messageChange(GLOBEX_NUMBER, "wamid.G1", "hello globex"), """
                        {"field":"messages","value":{"messaging_product":"whatsapp",\
                        "metadata":{"phone_number_id":"%s"},\
                        "statuses":[{"id":"wamid.OUT","status":"delivered"}]}}""".formatted(
                                GLOBEX_NUMBER)));

        Response response = postSigned(APP_URL, body, PLATFORM_SECRET);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(Map.of("received", 3, "duplicates", 0, "unroutable", 0));
        assertThat(FIXTURE.store.received())
                .extracting(StoredWebhookChange::tenantId)
                .containsExactly(TenantId.of("acme"), TenantId.of("globex"), TenantId.of("globex"));
        List<PlatformEvent> events = FIXTURE.store.events().stream()
                .filter(e -> e.type().equals(PlatformEvent.WHATSAPP_CHANGE))
                .toList();
        assertThat(events).hasSize(3);
        assertThat(((JsonText) events.get(0).data().get("value")).json())
                .contains("\"text\":{\"body\":\"hello acme\"}");

        Response again = postSigned(APP_URL, body, PLATFORM_SECRET);
        assertThat(json(again)).isEqualTo(Map.of("received", 0, "duplicates", 3, "unroutable", 0));
        assertThat(FIXTURE.store.received()).hasSize(3);
    }

    @Test
    void metas_value_reaches_the_platform_as_it_was_written_numbers_included() {
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + ACME_NUMBER
                + "\"},\"messages\":[{\"id\":\"wamid.LOC\",\"type\":\"location\",\"location\":"
                + "{\"latitude\":38.98062634950000001,\"longitude\":-77.10,\"zoom\":1E+2,"
                + "\"big\":123456789012345678901234567890}}]}";
        String body = payload(entry(ACME_WABA, "{\"field\":\"messages\",\"value\":" + value + "}"));

        assertThat(postSigned(APP_URL, body, PLATFORM_SECRET).getStatus()).isEqualTo(200);

        assertThat(((JsonText) FIXTURE.store.events().get(0).data().get("value")).json())
                .isEqualTo(value);
    }

    @Test
    void a_tenant_with_its_own_app_is_verified_with_its_secret_on_its_url() {
        String body = payload(entry(ACME_WABA, messageChange(ACME_NUMBER, "wamid.own", "hi")));
        assertThat(postSigned(APP_URL + "/" + keyOf("acme"), body, acmeSecret()).getStatus())
                .isEqualTo(200);
        assertThat(postSigned(APP_URL + "/" + keyOf("acme"), body, PLATFORM_SECRET)
                        .getStatus())
                .as("the platform's secret is not acme's app's")
                .isEqualTo(401);
        assertThat(postSigned(
                                APP_URL + "/" + keyOf("globex"),
                                payload(entry(GLOBEX_WABA, messageChange(GLOBEX_NUMBER, "wamid.g", "hi"))),
                                PLATFORM_SECRET)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void a_forged_tampered_or_unsigned_body_gets_401_and_nothing_is_stored() {
        String body = payload(entry(ACME_WABA, messageChange(ACME_NUMBER, "wamid.F", "hi")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] tampered = body.replace("hi", "pay me").getBytes(StandardCharsets.UTF_8);

        List<Response> responses = List.of(
                post(APP_URL, bytes, sign("not-the-secret", bytes)),
                post(APP_URL, tampered, sign(PLATFORM_SECRET, bytes)),
                post(APP_URL, bytes, null),
                post(APP_URL, bytes, "sha256=" + "ab".repeat(31)),
                API.target(APP_URL)
                        .request()
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                        .post(Entity.entity(bytes, MediaType.APPLICATION_JSON)));

        for (Response response : responses) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat((String) json(response).get("detail"))
                    .startsWith("The body's signature does not check:")
                    .doesNotContain(PLATFORM_SECRET);
        }
        assertThat(FIXTURE.store.received()).isEmpty();
        assertThat(FIXTURE.store.events()).isEmpty();
    }

    @Test
    void bodies_that_are_not_metas_are_refused_with_the_right_status_and_nothing_half_stored() {
        String good = entry(ACME_WABA, messageChange(ACME_NUMBER, "wamid.ok", "ok"));
        Map<String, Integer> cases = Map.of(
                "not json at all",
                400,
                "[1,2,3]",
                400,
                "{\"object\":\"page\",\"entry\":[]}",
                422,
                "{\"object\":\"whatsapp_business_account\"}",
                422,
                "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
                422,
                payload(good, "{\"id\":\"1\"}"),
                422,
                payload(good, entry(ACME_WABA, "{\"field\":\"messages\"}")),
                422,
                payload(good, entry(ACME_WABA, "{\"value\":{}}")),
                422,
                payload(good, entry(ACME_WABA, "{\"field\":\"" + "f".repeat(101) + "\",\"value\":{}}")),
                422);

        cases.forEach((body, status) -> {
            Response response = postSigned(APP_URL, body, PLATFORM_SECRET);
            assertThat(response.getStatus()).as(body).isEqualTo(status);
            assertThat((String) json(response).get("detail")).endsWith("Nothing of it was stored.");
        });
        assertThat(FIXTURE.store.received()).isEmpty();
    }

    @Test
    void a_body_of_up_to_three_mebibytes_is_taken_and_a_larger_one_refused_with_413() {
        String large = payload(entry(ACME_WABA, messageChange(ACME_NUMBER, "wamid.L", "x".repeat(2 * 1024 * 1024))));
        assertThat(postSigned(APP_URL, large, PLATFORM_SECRET).getStatus()).isEqualTo(200);

        String tooLarge =
                payload(entry(ACME_WABA, messageChange(ACME_NUMBER, "wamid.XL", "x".repeat(3 * 1024 * 1024))));
        Response refused = postSigned(APP_URL, tooLarge, PLATFORM_SECRET);
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(FIXTURE.store.received()).hasSize(1);
    }

    @Test
    void a_change_for_a_number_nobody_owns_is_kept_counted_and_listed_for_admins_without_its_value() {
        String body = payload(entry("880001", messageChange("990001", "wamid.nobody", "private words")));
        assertThat(json(postSigned(APP_URL, body, PLATFORM_SECRET)))
                .isEqualTo(Map.of("received", 1, "duplicates", 0, "unroutable", 1));

        Response list = as(ADMIN, "/api/v1/tenant/admin/webhooks/unroutable").get();
        assertThat(list.getStatus()).isEqualTo(200);
        String text = list.readEntity(String.class);
        assertThat(text)
                .contains("\"total\":1")
                .contains("\"phone_number_id\":\"990001\"")
                .contains("\"waba_id\":\"880001\"")
                .contains("no tenant has the phone number 990001 or its account")
                .doesNotContain("private words");
        assertThat(API.target("/api/v1/tenant/admin/webhooks/unroutable")
                        .queryParam("limit", 0)
                        .request()
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                        .get()
                        .getStatus())
                .isEqualTo(422);
    }

    @Test
    void an_uninstalled_app_makes_the_owner_lookup_say_inactive_and_health_say_why() {
        String body = payload(entry(ACME_WABA, """
                {"field":"account_update","value":{"event":"PARTNER_APP_UNINSTALLED"}}"""));
        assertThat(postSigned(APP_URL, body, PLATFORM_SECRET).getStatus()).isEqualTo(200);

        Map<String, Object> owner =
                json(as(SERVICE, "/api/v1/lookup/phone-numbers/" + ACME_NUMBER).get());
        assertThat(owner).containsEntry("tenant_id", "acme").containsEntry("is_active", false);
        Map<String, Object> health =
                json(as(ACME_USER, "/api/v1/tenant/config/health").get());
        assertThat(health).containsEntry("state", "DISABLED");
        assertThat(health.get("reasons").toString()).contains("ACCOUNT_DISCONNECTED");
    }

    @Test
    void a_ban_with_its_date_arrives_in_flattened_facts_from_the_nested_ban_info() {
        String body = payload(entry(ACME_WABA, """
                {"field":"account_update","value":{"event":"DISABLED_UPDATE",\
                "ban_info":{"waba_ban_state":"DISABLE","waba_ban_date":"2026-11-30"}}}"""));
        assertThat(postSigned(APP_URL, body, PLATFORM_SECRET).getStatus()).isEqualTo(200);

        Map<String, Object> health =
                json(as(ACME_USER, "/api/v1/tenant/config/health").get());
        assertThat(health.get("reasons").toString())
                .contains("ACCOUNT_DISABLED")
                .contains("Meta disabled the WhatsApp Business Account on 2026-11-30");
    }

    @Test
    void the_tenant_sees_what_to_paste_into_metas_dashboard_and_when_the_last_change_came() {
        Map<String, Object> before =
                json(as(ACME_USER, "/api/v1/tenant/config/webhook").get());
        assertThat(before)
                .containsEntry("callback_url", "https://config.example.com/api/v1/webhooks/whatsapp/" + keyOf("acme"))
                .containsEntry("verify_token", "verify-acme")
                .containsEntry("last_received_at", null);

        postSigned(APP_URL, payload(entry(ACME_WABA, messageChange(ACME_NUMBER, "wamid.T", "t"))), PLATFORM_SECRET);
        assertThat(json(as(ACME_USER, "/api/v1/tenant/config/webhook").get()))
                .containsEntry("last_received_at", ApiFixture.NOW.toString());
        assertThat(json(as(GLOBEX_USER, "/api/v1/tenant/config/webhook").get()).get("callback_url"))
                .asString()
                .endsWith(keyOf("globex"));
        FIXTURE.clear();
        assertThat(as(ACME_USER, "/api/v1/tenant/config/webhook").get().getStatus())
                .isEqualTo(404);
    }

    @Test
    void meta_failing_the_resubscription_is_a_502_that_says_meta_failed() {
        FIXTURE.meta.failsAt(
                io.tenantconfig.application.fixtures.ScriptedMetaOnboarding.Call.SUBSCRIBE,
                new io.tenantconfig.application.port.out.MetaFailure(
                        io.tenantconfig.application.port.out.MetaFailure.Kind.META_UNAVAILABLE,
                        "Service temporarily unavailable",
                        2,
                        null,
                        "Ab12",
                        null));
        try {
            Response response =
                    as(ACME_USER, "/api/v1/tenant/config/webhook/resubscribe").post(null);

            assertThat(response.getStatus()).isEqualTo(502);
            assertThat(json(response).get("detail"))
                    .isEqualTo("Meta's Graph API did not accept the subscription: Service temporarily unavailable"
                            + " (fbtrace_id: Ab12). Nothing was changed; try again later.");
        } finally {
            FIXTURE.meta.succeedsAgain();
        }
    }

    @Test
    void resubscribing_calls_meta_with_the_tenants_callback_url() {
        int before = FIXTURE.meta.calls().size();
        Response response =
                as(ACME_USER, "/api/v1/tenant/config/webhook/resubscribe").post(null);

        assertThat(response.getStatus()).isEqualTo(200);
        String callback = "https://config.example.com/api/v1/webhooks/whatsapp/" + keyOf("acme");
        assertThat(json(response)).isEqualTo(Map.of("callback_url", callback, "subscribed", true));
        List<String> calls = FIXTURE.meta.calls();
        assertThat(calls.subList(before, calls.size()))
                .containsExactly(
                        "subscribe " + ACME_WABA, "override " + ACME_WABA + " " + callback + " verify=verify-acme");
    }
}
