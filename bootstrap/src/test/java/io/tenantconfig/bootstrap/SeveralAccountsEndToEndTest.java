package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tenantconfig.testing.MetaSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several WhatsApp Business Accounts per tenant (issue 26), end to end: two instances of the
 * service on one real PostgreSQL, every write through the first instance (A), every read through
 * the second (B) once the change was announced to it. A tenant with three accounts, each with its
 * own token and number, is listed, resolved and looked up per account; another tenant cannot take
 * one of them; Meta's ban of one account stops only that account; the account holding the default
 * goes only once another number is the default; the 21st account is refused, with
 * {@code accountsPerTenant} as shipped (20); and a signup sharing three accounts ({@code waba_ids},
 * against a fake Graph API) makes each an account with the one token.
 *
 * <p>Each case has tenants and ids of its own, so the cases do not depend on each other's order.
 */
class SeveralAccountsEndToEndTest {

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PLATFORM_SECRET = SecretValues.secret("platform-app-secret-accounts-0123");
    private static final String CONFIG = "/api/v1/tenant/config";
    private static final String ACCOUNTS = CONFIG + "/accounts";
    private static final String NUMBERS = CONFIG + "/phone-numbers";
    private static final String RESOLVED = CONFIG + "/resolved";

    @TempDir
    static Path folder;

    /** Takes the writes. */
    private static DropwizardTestSupport<TenantConfigConfiguration> a;
    /** Serves the reads, from what A announced. */
    private static DropwizardTestSupport<TenantConfigConfiguration> b;

    /** Meta's Graph API, for the signup. */
    private static WireMockServer graph;

    @BeforeAll
    static void twoInstances() throws Exception {
        graph = new WireMockServer(options().dynamicPort());
        graph.start();
        Path dotenv = folder.resolve(".env");
        Files.writeString(dotenv, "FB_APP_SECRET=" + PLATFORM_SECRET + "\n");
        a = instance(dotenv);
        a.before();
        b = instance(dotenv);
        b.before();
    }

    /** As shipped: {@code accountsPerTenant} is not overridden (20, the default of config.yml). */
    private static DropwizardTestSupport<TenantConfigConfiguration> instance(Path dotenv) {
        return TestApps.support(
                DATABASE,
                ConfigOverride.config("credentials.dotenvFile", dotenv.toString()),
                ConfigOverride.config("meta.graphApiBaseUrl", graph.baseUrl()));
    }

    @AfterAll
    static void stop() {
        b.after();
        a.after();
        graph.stop();
    }

    /** A tenant's three accounts, each with its own number and token; the first is the primary. */
    private record Acme(String tenant, List<String> wabas, List<String> numbers, List<String> tokens) {

        String token() {
            return SeveralAccountsEndToEndTest.token(tenant);
        }

        String serviceToken() {
            return SeveralAccountsEndToEndTest.token(tenant, "service");
        }
    }

    private static String token(String tenant, String... roles) {
        return new ApiClient(a).token(tenant, roles);
    }

    private static String lookupToken() {
        return token(null, "service");
    }

    private static HttpResponse<String> call(
            DropwizardTestSupport<TenantConfigConfiguration> instance,
            String method,
            String path,
            String token,
            String body)
            throws Exception {
        return new ApiClient(instance).send(method, path, token, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** Sends through A and expects {@code status}; answers the response. */
    private static HttpResponse<String> onA(String method, String path, String token, String body, int status)
            throws Exception {
        HttpResponse<String> response = call(a, method, path, token, body);
        assertThat(response.statusCode())
                .as(method + " " + path + " answered " + response.body())
                .isEqualTo(status);
        return response;
    }

    /**
     * Waits until B serves the tenant's configuration at A's current version. The deadline is
     * shorter than the cache's 60-second expiry: only the announcement can make B serve it.
     */
    private static void servedOnB(String tenantToken) throws Exception {
        String version = etag(onA("GET", CONFIG, tenantToken, null, 200));
        eventually(() -> {
            HttpResponse<String> onB = call(b, "GET", CONFIG, tenantToken, null);
            return onB.statusCode() == 200 && version.equals(etag(onB));
        });
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(condition);
    }

    /**
     * Asserts what B answers once it heard of the last change. An announcement refreshes B's
     * copies in turn (configurations, then the loader behind {@code /resolved}, then the owner
     * directory behind the lookups), so a read of the loader or the directory may come a moment
     * after {@link #servedOnB}: it is retried until it holds, within the same 30 seconds.
     */
    private static void onB(ThrowingRunnable assertions) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(assertions);
    }

    /**
     * Through A: {@code acme-<name>} with three accounts ({@code base}+100, +200, +300), each with
     * its own number (the account's id + 1) and its own token. The first account comes with the
     * configuration and holds the default number; the others are added by their numbers and get
     * their tokens by {@code PUT .../accounts/{waba_id}/token}.
     */
    private static Acme acme(String name, long base) throws Exception {
        Acme acme = new Acme("acme-" + name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int k = 1; k <= 3; k++) {
            acme.wabas().add(Long.toString(base + 100L * k));
            acme.numbers().add(Long.toString(base + 100L * k + 1));
            acme.tokens().add(SecretValues.secret("EAAG-" + acme.tenant() + "-account-" + k + "-token-0001"));
        }
        onA(
                "POST",
                CONFIG,
                acme.token(),
                "{\"waba_id\":\"" + acme.wabas().get(0) + "\",\"phone_number_id\":\""
                        + acme.numbers().get(0) + "\",\"access_token\":\""
                        + acme.tokens().get(0) + "\"}",
                201);
        // B reads the tenant with its one account now and keeps it in memory (configuration,
        // loader and owner directory): what follows reaches B only by announcement.
        servedOnB(acme.token());
        onB(() -> {
            assertThat(json(resolvedOnB(acme, ""))
                            .at("/values/access_token/value")
                            .asText())
                    .isEqualTo(acme.tokens().get(0));
            assertThat(lookupOnB("phone-numbers", acme.numbers().get(0))
                            .get("tenant_id")
                            .asText())
                    .isEqualTo(acme.tenant());
        });
        for (int k = 1; k <= 2; k++) {
            onA(
                    "POST",
                    NUMBERS,
                    acme.token(),
                    "{\"phone_number_id\":\"" + acme.numbers().get(k) + "\",\"waba_id\":\""
                            + acme.wabas().get(k) + "\"}",
                    201);
            onA(
                    "PUT",
                    ACCOUNTS + "/" + acme.wabas().get(k) + "/token",
                    acme.token(),
                    "{\"access_token\":\"" + acme.tokens().get(k) + "\"}",
                    200);
        }
        return acme;
    }

    /** Through A: {@code globex-<name>} with one account and its number. */
    private static String globex(String name, String waba, String number) throws Exception {
        String tenant = "globex-" + name;
        onA(
                "POST",
                CONFIG,
                token(tenant),
                "{\"waba_id\":\"" + waba + "\",\"phone_number_id\":\"" + number + "\",\"access_token\":\""
                        + SecretValues.secret("EAAG-" + tenant + "-token-0001") + "\"}",
                201);
        return tenant;
    }

    private static HttpResponse<String> resolvedOnB(Acme acme, String query) throws Exception {
        return call(b, "GET", RESOLVED + query, acme.serviceToken(), null);
    }

    private static JsonNode lookupOnB(String what, String id) throws Exception {
        HttpResponse<String> owner = call(b, "GET", "/api/v1/lookup/" + what + "/" + id, lookupToken(), null);
        assertThat(owner.statusCode())
                .as("lookup of " + what + " " + id + ": " + owner.body())
                .isEqualTo(200);
        return json(owner);
    }

    private static int lookupStatusOnB(String what, String id) throws Exception {
        return call(b, "GET", "/api/v1/lookup/" + what + "/" + id, lookupToken(), null)
                .statusCode();
    }

    private static HttpResponse<String> signedWebhookToA(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + a.getLocalPort() + "/api/v1/webhooks/whatsapp"))
                        .header("X-Hub-Signature-256", sign(PLATFORM_SECRET, bytes))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void three_accounts_written_through_one_instance_are_listed_resolved_and_looked_up_per_account_on_the_other()
            throws Exception {
        Acme acme = acme("listed", 710000);
        String globex = globex("listed", "710901", "710902");
        servedOnB(acme.token());
        servedOnB(token(globex));

        HttpResponse<String> listed = call(b, "GET", ACCOUNTS, acme.token(), null);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode accounts = json(listed).get("accounts");
        assertThat(accounts).hasSize(3);
        for (int k = 0; k < 3; k++) {
            JsonNode account = accounts.get(k);
            assertThat(account.get("waba_id").asText()).isEqualTo(acme.wabas().get(k));
            assertThat(account.get("is_default").asBoolean())
                    .as("only the first account, holding the default number, is the primary")
                    .isEqualTo(k == 0);
            assertThat(account.get("standing").asText()).isEqualTo("GOOD");
            assertThat(account.get("phone_numbers"))
                    .extracting(JsonNode::asText)
                    .containsExactly(acme.numbers().get(k));
        }
        assertThat(listed.body())
                .as("no token, not even masked")
                .doesNotContain(acme.tokens().toArray(String[]::new))
                .doesNotContain("access_token", "refresh_token", "***");
        assertThat(json(call(b, "GET", ACCOUNTS, token(globex), null)).get("accounts"))
                .singleElement()
                .satisfies(
                        account -> assertThat(account.get("waba_id").asText()).isEqualTo("710901"));

        onB(() -> {
            JsonNode byNumber =
                    json(resolvedOnB(acme, "?phone_number_id=" + acme.numbers().get(1)));
            assertThat(byNumber.at("/values/access_token/value").asText())
                    .isEqualTo(acme.tokens().get(1));
            assertThat(byNumber.at("/values/waba_id/value").asText())
                    .isEqualTo(acme.wabas().get(1));
            assertThat(byNumber.at("/values/phone_number_id/value").asText())
                    .isEqualTo(acme.numbers().get(1));
            JsonNode byAccount =
                    json(resolvedOnB(acme, "?waba_id=" + acme.wabas().get(2)));
            assertThat(byAccount.at("/values/access_token/value").asText())
                    .isEqualTo(acme.tokens().get(2));
            assertThat(byAccount.at("/values/waba_id/value").asText())
                    .isEqualTo(acme.wabas().get(2));
            assertThat(byAccount.at("/values/phone_number_id/value").asText())
                    .isEqualTo(acme.numbers().get(2));
            JsonNode primary = json(resolvedOnB(acme, ""));
            assertThat(primary.at("/values/access_token/value").asText())
                    .isEqualTo(acme.tokens().get(0));
            assertThat(primary.at("/values/waba_id/value").asText())
                    .isEqualTo(acme.wabas().get(0));
            assertThat(primary.at("/values/phone_number_id/value").asText())
                    .isEqualTo(acme.numbers().get(0));
        });
        onB(() -> {
            for (int k = 0; k < 3; k++) {
                JsonNode owner = lookupOnB("phone-numbers", acme.numbers().get(k));
                assertThat(owner.get("tenant_id").asText()).isEqualTo(acme.tenant());
                assertThat(owner.get("waba_id").asText())
                        .as("the number's own account")
                        .isEqualTo(acme.wabas().get(k));
                assertThat(owner.get("is_active").asBoolean()).isTrue();
            }
            JsonNode third = lookupOnB("wabas", acme.wabas().get(2));
            assertThat(third.get("tenant_id").asText()).isEqualTo(acme.tenant());
            assertThat(third.get("phone_number_id").asText())
                    .isEqualTo(acme.numbers().get(2));
            assertThat(lookupOnB("wabas", "710901").get("tenant_id").asText()).isEqualTo(globex);
        });
    }

    @Test
    void another_tenant_claiming_one_of_the_accounts_is_refused_and_nothing_changes() throws Exception {
        Acme acme = acme("claimed", 720000);
        String globex = globex("claimed", "720901", "720902");
        String acmeBefore = etag(onA("GET", CONFIG, acme.token(), null, 200));
        String globexBefore = etag(onA("GET", CONFIG, token(globex), null, 200));

        HttpResponse<String> claim = onA(
                "POST",
                NUMBERS,
                token(globex),
                "{\"phone_number_id\":\"720903\",\"waba_id\":\"" + acme.wabas().get(1) + "\"}",
                409);

        assertThat(claim.body()).as("no word of whose it is").doesNotContain(acme.tenant());
        assertThat(etag(onA("GET", CONFIG, acme.token(), null, 200))).isEqualTo(acmeBefore);
        assertThat(etag(onA("GET", CONFIG, token(globex), null, 200))).isEqualTo(globexBefore);
        servedOnB(acme.token());
        servedOnB(token(globex));
        assertThat(json(call(b, "GET", ACCOUNTS, token(globex), null)).get("accounts"))
                .extracting(account -> account.get("waba_id").asText())
                .containsExactly("720901");
        assertThat(json(call(b, "GET", NUMBERS, token(globex), null)).get("phone_numbers"))
                .extracting(number -> number.get("phone_number_id").asText())
                .containsExactly("720902");
        assertThat(json(call(b, "GET", ACCOUNTS, acme.token(), null)).get("accounts"))
                .extracting(account -> account.get("waba_id").asText() + " " + account.get("phone_numbers"))
                .containsExactly(
                        acme.wabas().get(0) + " [\"" + acme.numbers().get(0) + "\"]",
                        acme.wabas().get(1) + " [\"" + acme.numbers().get(1) + "\"]",
                        acme.wabas().get(2) + " [\"" + acme.numbers().get(2) + "\"]");
        onB(() -> {
            assertThat(lookupOnB("wabas", acme.wabas().get(1)).get("tenant_id").asText())
                    .isEqualTo(acme.tenant());
            assertThat(lookupStatusOnB("phone-numbers", "720903")).isEqualTo(404);
            assertThat(json(resolvedOnB(acme, "?waba_id=" + acme.wabas().get(1)))
                            .at("/values/access_token/value")
                            .asText())
                    .isEqualTo(acme.tokens().get(1));
        });
    }

    @Test
    void metas_ban_of_one_account_stops_serving_only_that_accounts_number_on_the_other_instance() throws Exception {
        Acme acme = acme("banned", 730000);
        servedOnB(acme.token());
        onB(() -> {
            assertThat(resolvedOnB(acme, "?phone_number_id=" + acme.numbers().get(1))
                            .statusCode())
                    .as("served before the ban")
                    .isEqualTo(200);
            assertThat(lookupOnB("phone-numbers", acme.numbers().get(1))
                            .get("is_active")
                            .asBoolean())
                    .isTrue();
        });
        String banned = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\""
                + acme.wabas().get(1)
                + "\",\"changes\":[{\"field\":\"account_update\",\"value\":{\"event\":\"DISABLED_UPDATE\","
                + "\"ban_info\":{\"waba_ban_state\":\"DISABLE\",\"waba_ban_date\":\"2026-11-30\"}}}]}]}";

        HttpResponse<String> received = signedWebhookToA(banned);

        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(json(received).get("received").asInt()).isEqualTo(1);
        servedOnB(acme.token());
        assertThat(json(call(b, "GET", ACCOUNTS, acme.token(), null)).get("accounts"))
                .extracting(account -> account.get("standing").asText())
                .containsExactly("GOOD", "DISABLED", "GOOD");
        onB(() -> {
            assertThat(lookupOnB("phone-numbers", acme.numbers().get(1))
                            .get("is_active")
                            .asBoolean())
                    .isFalse();
            assertThat(lookupOnB("wabas", acme.wabas().get(1)).get("is_active").asBoolean())
                    .isFalse();
            assertThat(lookupOnB("phone-numbers", acme.numbers().get(0))
                            .get("is_active")
                            .asBoolean())
                    .isTrue();
            assertThat(lookupOnB("phone-numbers", acme.numbers().get(2))
                            .get("is_active")
                            .asBoolean())
                    .isTrue();
            assertThat(lookupOnB("wabas", acme.wabas().get(2)).get("is_active").asBoolean())
                    .isTrue();
        });
        onB(() -> {
            assertThat(resolvedOnB(acme, "?phone_number_id=" + acme.numbers().get(1))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(resolvedOnB(acme, "?waba_id=" + acme.wabas().get(1)).statusCode())
                    .isEqualTo(404);
            HttpResponse<String> first =
                    resolvedOnB(acme, "?phone_number_id=" + acme.numbers().get(0));
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(json(first).at("/values/access_token/value").asText())
                    .isEqualTo(acme.tokens().get(0));
            HttpResponse<String> third =
                    resolvedOnB(acme, "?phone_number_id=" + acme.numbers().get(2));
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(json(third).at("/values/access_token/value").asText())
                    .isEqualTo(acme.tokens().get(2));
        });
    }

    @Test
    void the_account_holding_the_default_number_goes_only_after_another_number_is_made_the_default() throws Exception {
        Acme acme = acme("removed", 740000);
        servedOnB(acme.token());
        onB(() -> {
            assertThat(resolvedOnB(acme, "?phone_number_id=" + acme.numbers().get(0))
                            .statusCode())
                    .as("served before the removal")
                    .isEqualTo(200);
            assertThat(lookupOnB("wabas", acme.wabas().get(0)).get("tenant_id").asText())
                    .isEqualTo(acme.tenant());
        });
        String before = etag(onA("GET", CONFIG, acme.token(), null, 200));

        onA("DELETE", ACCOUNTS + "/" + acme.wabas().get(0), acme.token(), null, 409);

        assertThat(etag(onA("GET", CONFIG, acme.token(), null, 200)))
                .as("nothing changed")
                .isEqualTo(before);
        onA("PATCH", NUMBERS + "/" + acme.numbers().get(1), acme.token(), "{\"is_default\":true}", 200);
        onA("DELETE", ACCOUNTS + "/" + acme.wabas().get(0), acme.token(), null, 204);
        servedOnB(acme.token());

        JsonNode config = json(call(b, "GET", CONFIG, acme.token(), null));
        assertThat(config.get("waba_id").asText())
                .as("the new primary account")
                .isEqualTo(acme.wabas().get(1));
        assertThat(config.get("phone_number_id").asText())
                .isEqualTo(acme.numbers().get(1));
        assertThat(json(call(b, "GET", ACCOUNTS, acme.token(), null)).get("accounts"))
                .extracting(account -> account.get("waba_id").asText() + " " + account.get("is_default"))
                .containsExactly(acme.wabas().get(1) + " true", acme.wabas().get(2) + " false");
        onB(() -> {
            assertThat(resolvedOnB(acme, "?phone_number_id=" + acme.numbers().get(0))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(resolvedOnB(acme, "?waba_id=" + acme.wabas().get(0)).statusCode())
                    .isEqualTo(404);
            JsonNode primary = json(resolvedOnB(acme, ""));
            assertThat(primary.at("/values/access_token/value").asText())
                    .isEqualTo(acme.tokens().get(1));
            assertThat(primary.at("/values/waba_id/value").asText())
                    .isEqualTo(acme.wabas().get(1));
            assertThat(primary.at("/values/phone_number_id/value").asText())
                    .isEqualTo(acme.numbers().get(1));
        });
        onB(() -> {
            assertThat(lookupStatusOnB("phone-numbers", acme.numbers().get(0))).isEqualTo(404);
            assertThat(lookupStatusOnB("wabas", acme.wabas().get(0))).isEqualTo(404);
            assertThat(lookupOnB("phone-numbers", acme.numbers().get(2))
                            .get("waba_id")
                            .asText())
                    .isEqualTo(acme.wabas().get(2));
        });
    }

    @Test
    void the_twenty_first_account_is_refused_and_nothing_changes() throws Exception {
        String tenant = "acme-twenty";
        String tenantToken = token(tenant);
        onA(
                "POST",
                CONFIG,
                tenantToken,
                "{\"waba_id\":\"750100\",\"phone_number_id\":\"750101\",\"access_token\":\""
                        + SecretValues.secret("EAAG-acme-twenty-token-0001") + "\"}",
                201);
        for (int k = 2; k <= 20; k++) {
            onA(
                    "POST",
                    NUMBERS,
                    tenantToken,
                    "{\"phone_number_id\":\"" + (750001 + 100 * k) + "\",\"waba_id\":\"" + (750000 + 100 * k) + "\"}",
                    201);
        }
        String before = etag(onA("GET", CONFIG, tenantToken, null, 200));

        HttpResponse<String> refused =
                onA("POST", NUMBERS, tenantToken, "{\"phone_number_id\":\"752101\",\"waba_id\":\"752100\"}", 422);

        assertThat(refused.body()).contains("20");
        assertThat(etag(onA("GET", CONFIG, tenantToken, null, 200))).isEqualTo(before);
        servedOnB(tenantToken);
        assertThat(json(call(b, "GET", ACCOUNTS, tenantToken, null)).get("accounts"))
                .hasSize(20);
        assertThat(json(call(b, "GET", NUMBERS, tenantToken, null)).get("phone_numbers"))
                .hasSize(20)
                .extracting(number -> number.get("phone_number_id").asText())
                .doesNotContain("752101");
        onB(() -> {
            assertThat(lookupOnB("wabas", "752000").get("tenant_id").asText()).isEqualTo(tenant);
            assertThat(lookupStatusOnB("phone-numbers", "752101")).isEqualTo(404);
            assertThat(lookupStatusOnB("wabas", "752100")).isEqualTo(404);
        });
    }

    @Test
    void a_signup_sharing_three_accounts_makes_each_an_account_with_the_one_token_served_on_the_other_instance()
            throws Exception {
        String tenant = "acme-signup";
        Acme acme = new Acme(tenant, List.of("760100", "760200", "760300"), List.of("760101", "760201"), List.of());
        String signupToken = SecretValues.secret("EAAG-acme-signup-token-0001");
        graph.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + signupToken + "\",\"token_type\":\"bearer\"}")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .willReturn(okJson("{\"data\":{\"app_id\":\"1234567890\",\"type\":\"SYSTEM_USER\",\"expires_at\":0,"
                        + "\"is_valid\":true,\"scopes\":[\"whatsapp_business_management\","
                        + "\"whatsapp_business_messaging\"]}}")));
        graph.stubFor(
                post(urlPathMatching("/v23.0/760[123]00/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        graph.stubFor(post(urlPathEqualTo("/v23.0/760101/register")).willReturn(okJson("{\"success\":true}")));
        // Meta has verified every number these signups name (a v4 signup may name one it has not).
        graph.stubFor(get(urlPathMatching("/v23.0/[0-9]+"))
                .withQueryParam("fields", equalTo("code_verification_status"))
                .willReturn(okJson("{\"code_verification_status\":\"VERIFIED\"}")));

        onA(
                "POST",
                "/api/v1/tenant/onboard/whatsapp-client",
                acme.token(),
                "{\"code\":\"" + SecretValues.secret("signup-code-accounts-0001")
                        + "\",\"waba_id\":\"760100\",\"phone_number_id\":\"760101\","
                        + "\"waba_ids\":[\"760100\",\"760200\",\"760300\"]}",
                200);

        for (String waba : acme.wabas()) {
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/" + waba + "/subscribed_apps")));
        }
        servedOnB(acme.token());
        assertThat(json(call(b, "GET", ACCOUNTS, acme.token(), null)).get("accounts"))
                .extracting(account -> account.get("waba_id").asText() + " " + account.get("is_default") + " "
                        + account.get("phone_numbers"))
                .containsExactly("760100 true [\"760101\"]", "760200 false []", "760300 false []");
        onB(() -> {
            JsonNode owner = lookupOnB("wabas", "760300");
            assertThat(owner.get("tenant_id").asText()).isEqualTo(tenant);
            assertThat(owner.get("phone_number_id").isNull())
                    .as("the account has no number yet")
                    .isTrue();
            assertThat(resolvedOnB(acme, "?waba_id=760200").statusCode())
                    .as("an account without a number is not resolved")
                    .isEqualTo(404);
        });

        onA("POST", NUMBERS, acme.token(), "{\"phone_number_id\":\"760201\",\"waba_id\":\"760200\"}", 201);
        servedOnB(acme.token());
        onB(() -> {
            JsonNode byAccount = json(resolvedOnB(acme, "?waba_id=760200"));
            assertThat(byAccount.at("/values/access_token/value").asText())
                    .as("the signup's one token")
                    .isEqualTo(signupToken);
            assertThat(byAccount.at("/values/phone_number_id/value").asText()).isEqualTo("760201");
            assertThat(lookupOnB("phone-numbers", "760201").get("waba_id").asText())
                    .isEqualTo("760200");
        });
    }
}
