package io.tenantconfig.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.LogLeakGuard;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The service with every logger at DEBUG (root and io.tenantconfig), as an operator debugging a
 * problem would run it: a signup (code, app secret, token, PIN through the Graph API), Meta's
 * handshake with a tenant's verify token, a token sent in the address, a tenant's own token in a
 * body. No log line holds any of those secrets, and the admin port's log-level task cannot open
 * the loggers that would write them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoSecretAtDebugTest {

    private static final WireMockServer GRAPH =
            started(new WireMockServer(options().dynamicPort()));
    private static final String APP_SECRET = "debug-test-app-secret-5e4d3c2b1a";
    private static final String WABA = "102290129340398";
    private static final String PHONE = "106540352242931";
    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(
            DATABASE,
            ConfigOverride.config("meta.graphApiBaseUrl", GRAPH.baseUrl()),
            ConfigOverride.config("meta.appSecret", APP_SECRET),
            ConfigOverride.config("logging.level", "DEBUG"),
            ConfigOverride.config("logging.loggers.io\\.tenantconfig", "DEBUG"));
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private final ApiClient api = new ApiClient(APP);

    private static WireMockServer started(WireMockServer server) {
        server.start();
        return server;
    }

    private static String secret(String value) {
        SECRETS.add(value);
        return SecretValues.secret(value);
    }

    @AfterAll
    static void stopGraph() {
        GRAPH.stop();
    }

    @Test
    void at_debug_no_log_line_holds_a_code_secret_token_pin_verify_token_or_jwt() throws Exception {
        LogLeakGuard.attach();
        int before = LogLeakGuard.lines().size();
        secret(APP_SECRET);
        String accessToken = secret("EAAGdebugZCZBtokenZD" + Long.toHexString(System.nanoTime()));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\"}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v23.0/debug_token"))
                .willReturn(okJson("{\"data\":{\"app_id\":\"1234567890\",\"type\":\"SYSTEM_USER\",\"expires_at\":0,"
                        + "\"is_valid\":true,\"scopes\":[\"whatsapp_business_management\"]}}")));
        GRAPH.stubFor(
                post(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        GRAPH.stubFor(post(urlPathEqualTo("/v23.0/" + PHONE + "/register")).willReturn(okJson("{\"success\":true}")));
        // Meta has verified every number these signups name (a v4 signup may name one it has not).
        GRAPH.stubFor(get(urlPathMatching("/v23.0/[0-9]+"))
                .withQueryParam("fields", equalTo("code_verification_status"))
                .willReturn(okJson("{\"code_verification_status\":\"VERIFIED\"}")));
        String tenant = api.token("debugged");
        SECRETS.add(tenant);
        String code = secret("AQD-debug-signup-code-" + Long.toHexString(System.nanoTime()));

        HttpResponse<String> onboarded = api.send(
                "POST",
                "/api/v1/tenant/onboard/whatsapp-client",
                tenant,
                "{\"code\":\"" + code + "\",\"waba_id\":\"" + WABA + "\",\"phone_number_id\":\"" + PHONE
                        + "\",\"redirect_uri\":\"https://app.example.com/whatsapp\"}");
        assertThat(onboarded.statusCode()).isEqualTo(200);
        String verifyToken = secret("debug-verify-token-" + Long.toHexString(System.nanoTime()));
        String ownToken = secret("EAAGownZCZBtokenZD" + Long.toHexString(System.nanoTime()));
        assertThat(api.send(
                                "PUT",
                                "/api/v1/tenant/config",
                                tenant,
                                "{\"verify_token\":\"" + verifyToken + "\",\"access_token\":\"" + ownToken + "\"}")
                        .statusCode())
                .isEqualTo(200);
        String key = Jdbi.create(DATABASE.dataSource())
                .withHandle(h -> h.createQuery("SELECT webhook_key FROM tenant_configs WHERE tenant_id = 'debugged'")
                        .mapTo(String.class)
                        .one());
        String path = "/api/v1/webhooks/whatsapp/" + key;
        String challenge = secret("challenge-" + Long.toHexString(System.nanoTime()));
        HttpResponse<String> handshake = api.send(
                "GET",
                path + "?hub.mode=subscribe&hub.verify_token=" + verifyToken + "&hub.challenge=" + challenge,
                null,
                null);
        assertThat(handshake.statusCode()).isEqualTo(200);
        String jwt = api.token("in-the-address");
        SECRETS.add(jwt);
        assertThat(api.send("GET", "/api/v1/auth/verify?access_token=" + jwt, null, null)
                        .statusCode())
                .isEqualTo(401);

        String forged = jwt.substring(0, jwt.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWZvcmdlZA";
        SECRETS.add(forged);
        assertThat(api.send("GET", "/api/v1/auth/verify", forged, null).statusCode())
                .isEqualTo(401);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> LogLeakGuard.lines().stream()
                        .anyMatch(line -> line.contains("/api/v1/auth/verify?access_token=")));
        List<String> all = LogLeakGuard.lines();
        List<String> lines = all.subList(before, all.size());
        assertThat(lines)
                .as("the service's own DEBUG lines are written")
                .anyMatch(
                        line -> line.startsWith("DEBUG io.tenantconfig.adapters.rest.auth.JwtVerifier Token refused"));
        assertThat(lines)
                .as("the request log names the parameters, with their values masked")
                .anyMatch(line -> line.contains("hub.verify_token=***&hub.challenge=***"))
                .anyMatch(line -> line.contains("/api/v1/auth/verify?access_token=***"));
        for (String line : lines) {
            for (String secret : SECRETS) {
                assertThat(line).as("a log line at DEBUG").doesNotContain(secret);
            }
        }
    }

    @Test
    void the_log_level_task_cannot_lower_a_wire_logger_below_info_but_sets_the_services_own() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "http://localhost:" + APP.getAdminPort() + "/tasks/log-level";

        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(URI.create(admin + "?logger=org.eclipse.jetty.server&level=DEBUG"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> reset = http.send(
                HttpRequest.newBuilder(URI.create(admin + "?logger=jdk.internal.httpclient"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> allowed = http.send(
                HttpRequest.newBuilder(URI.create(admin + "?logger=io.tenantconfig.adapters&level=TRACE"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(reset.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(((Logger) LoggerFactory.getLogger("org.eclipse.jetty.server")).getEffectiveLevel())
                .isEqualTo(Level.INFO);
        assertThat(((Logger) LoggerFactory.getLogger("jdk.internal.httpclient.debug")).getEffectiveLevel())
                .isEqualTo(Level.INFO);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(((Logger) LoggerFactory.getLogger("io.tenantconfig.adapters")).getLevel())
                .isEqualTo(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("io.tenantconfig.adapters")).setLevel(null);
    }
}
