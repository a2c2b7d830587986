package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller, with RS256 configured as the only algorithm. Each
 * cell starts from the same state: tenant {@code acme} has a configuration.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthMatrixTest {

    private static final ApiFixture FIXTURE = new ApiFixture(Tokens.rs256Auth());
    static final ResourceExtension API = FIXTURE.resources;

    private static final String VALID_BODY = "{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}";
    private static final String NUMBERS = PhoneNumbersResource.PATH;
    private static final String ACME_NUMBER = TestConfigs.phoneNumberIdOf("acme");
    private static final String ACCOUNTS = AccountsResource.PATH;
    private static final String ACME_ACCOUNT = TestConfigs.wabaIdOf("acme");
    private static final String ADMIN_ACCOUNTS = "/api/v1/tenant/admin/tenants/acme/accounts";
    private static final String TOKEN_BODY = "{\"access_token\":\"EAAG-matrix-token\"}";

    /** An endpoint and the status each kind of valid caller gets. */
    record Endpoint(String method, String path, String body, int tenantUser, int admin, int service) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/tenant/config", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/config/full", null, 403, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/config/resolved", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/config/history", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/admin/configs/audit", null, 403, 200, 403),
            new Endpoint("POST", "/api/v1/tenant/config", VALID_BODY, 409, 403, 409),
            new Endpoint("PUT", "/api/v1/tenant/config", "{\"verify_token\":\"v\"}", 200, 403, 200),
            new Endpoint("DELETE", "/api/v1/tenant/config", null, 204, 403, 204),
            new Endpoint("POST", "/api/v1/tenant/config/activate", null, 200, 403, 200),
            new Endpoint("POST", "/api/v1/tenant/config/deactivate", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/admin/configs/all", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/tenant/admin/configs/stats", null, 403, 200, 403),
            new Endpoint(
                    "DELETE",
                    "/api/v1/tenant/admin/configs/delete-all?confirmation=DELETE_ALL_CONFIGS_PERMANENTLY",
                    null,
                    403,
                    200,
                    403),
            new Endpoint("DELETE", "/api/v1/tenant/admin/configs/delete-tenant/acme", null, 403, 200, 403),
            new Endpoint(
                    "POST",
                    "/api/v1/tenant/onboard/whatsapp-client",
                    "{\"code\":\"signup-code\",\"waba_id\":\"1\",\"phone_number_id\":\"2\"}",
                    200,
                    403,
                    200),
            new Endpoint("POST", "/api/v1/tenant/onboard/whatsapp-client/resume", null, 409, 403, 409),
            new Endpoint(
                    "POST",
                    "/api/v1/tenant/onboard/signup-events",
                    "{\"event\":\"CANCEL\",\"current_step\":\"PHONE_NUMBER_SETUP\"}",
                    202,
                    403,
                    202),
            new Endpoint("GET", "/api/v1/tenant/onboard/sessions", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/admin/signup-sessions?outcome=failed", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/auth/verify", null, 200, 200, 200),
            new Endpoint("GET", NUMBERS, null, 200, 403, 200),
            new Endpoint("POST", NUMBERS, "{\"phone_number_id\":\"5550002\"}", 201, 403, 201),
            new Endpoint(
                    "POST",
                    NUMBERS,
                    "{\"country_code\":\"1\",\"phone_number\":\"5550100\",\"verified_name\":\"Acme\"}",
                    201,
                    403,
                    201),
            new Endpoint(
                    "POST",
                    NUMBERS + "/" + ACME_NUMBER + "/request-code",
                    "{\"code_method\":\"SMS\",\"language\":\"en_US\"}",
                    200,
                    403,
                    200),
            new Endpoint("POST", NUMBERS + "/" + ACME_NUMBER + "/verify-code", "{\"code\":\"123456\"}", 200, 403, 200),
            new Endpoint("GET", NUMBERS + "/" + ACME_NUMBER, null, 200, 403, 200),
            new Endpoint("GET", NUMBERS + "/" + ACME_NUMBER + "/profile", null, 200, 403, 200),
            new Endpoint(
                    "PATCH", NUMBERS + "/" + ACME_NUMBER + "/profile", "{\"about\":\"Succulents\"}", 200, 403, 200),
            new Endpoint("PATCH", NUMBERS + "/" + ACME_NUMBER, "{\"label\":\"Sales\"}", 200, 403, 200),
            new Endpoint("DELETE", NUMBERS + "/" + ACME_NUMBER, null, 204, 403, 204),
            new Endpoint("GET", "/api/v1/tenant/config/resolved?phone_number_id=" + ACME_NUMBER, null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/admin/configs/acme/phone-numbers", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/lookup/phone-numbers/" + ACME_NUMBER, null, 403, 403, 200),
            new Endpoint("GET", "/api/v1/lookup/wabas/" + TestConfigs.wabaIdOf("acme"), null, 403, 403, 200),
            new Endpoint(
                    "POST",
                    "/api/v1/lookup/phone-numbers/" + ACME_NUMBER + "/report-failure",
                    "{\"code\":190,\"error_subcode\":463}",
                    403,
                    403,
                    202),
            new Endpoint("GET", "/api/v1/tenant/config/health", null, 200, 403, 200),
            new Endpoint("POST", "/api/v1/tenant/config/health/check", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/config/templates?status=APPROVED", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/config/templates/order_shipped/en_US", null, 404, 403, 404),
            new Endpoint("POST", "/api/v1/tenant/config/templates/sync", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/admin/tenants/acme/templates", null, 403, 200, 403),
            new Endpoint(
                    "GET",
                    "/api/v1/lookup/templates?phone_number_id=" + ACME_NUMBER + "&name=order_shipped&language=en_US",
                    null,
                    403,
                    403,
                    404),
            new Endpoint("GET", "/api/v1/tenant/admin/health", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/tenant/admin/events?status=dead", null, 403, 200, 403),
            new Endpoint("POST", "/api/v1/tenant/admin/events/999/replay", null, 403, 404, 403),
            new Endpoint("GET", "/api/v1/tenant/config/webhook", null, 200, 403, 200),
            new Endpoint("POST", "/api/v1/tenant/config/webhook/resubscribe", null, 200, 403, 200),
            new Endpoint("GET", "/api/v1/tenant/admin/webhooks/unroutable", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/tenant/admin/tenants/acme", null, 403, 200, 403),
            new Endpoint("POST", "/api/v1/tenant/admin/tenants/acme/activate", null, 403, 200, 403),
            new Endpoint("POST", "/api/v1/tenant/admin/tenants/acme/deactivate", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/tenant/admin/tenants/acme/health", null, 403, 200, 403),
            new Endpoint("POST", "/api/v1/tenant/admin/tenants/acme/health/check", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/tenant/admin/tenants/acme/webhook", null, 403, 200, 403),
            new Endpoint("GET", "/api/v1/tenant/admin/events?tenant_id=acme", null, 403, 200, 403),
            new Endpoint("GET", ACCOUNTS, null, 200, 403, 200),
            new Endpoint(
                    "POST",
                    TemplatesResource.PATH,
                    "{\"name\":\"order_shipped\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                            + "\"components\":[{\"type\":\"BODY\",\"text\":\"Your order has shipped.\"}]}",
                    201,
                    403,
                    201),
            new Endpoint("DELETE", TemplatesResource.PATH + "/order_shipped", null, 200, 403, 200),
            new Endpoint("GET", ACCOUNTS + "/" + ACME_ACCOUNT, null, 200, 403, 200),
            new Endpoint("PUT", ACCOUNTS + "/" + ACME_ACCOUNT + "/token", TOKEN_BODY, 200, 403, 200),
            new Endpoint("DELETE", ACCOUNTS + "/" + ACME_ACCOUNT, null, 204, 403, 204),
            new Endpoint("GET", ADMIN_ACCOUNTS, null, 403, 200, 403),
            new Endpoint("GET", ADMIN_ACCOUNTS + "/" + ACME_ACCOUNT, null, 403, 200, 403),
            new Endpoint("PUT", ADMIN_ACCOUNTS + "/" + ACME_ACCOUNT + "/token", TOKEN_BODY, 403, 200, 403),
            new Endpoint("DELETE", ADMIN_ACCOUNTS + "/" + ACME_ACCOUNT, null, 403, 204, 403));

    private static final Map<String, Supplier<String>> REFUSED_TOKENS = Map.of(
            "no token", () -> null,
            "forged signature", () -> Tokens.forged(Tokens.user("acme")),
            "expired", () -> Tokens.rs256(Tokens.expiredCopy(Tokens.user("acme"))),
            "alg none", () -> Tokens.unsigned(Tokens.user("acme", "admin"), "none"),
            "alg None", () -> Tokens.unsigned(Tokens.user("acme", "admin"), "None"),
            "no exp", () -> Tokens.withoutExpiry(Tokens.user("acme"), true),
            "HS256 signed with the RSA public key", () -> Tokens.hs256WithRsaPublicKey(Tokens.user("acme", "admin")),
            "HS256 with a good secret while only RS256 is accepted", () -> Tokens.hs256(Tokens.user("acme", "admin")),
            "not a JWT", () -> "not-a-jwt");

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            REFUSED_TOKENS.forEach((name, token) -> cells.add(Arguments.of(endpoint, name, token.get(), 401)));
            cells.add(Arguments.of(endpoint, "tenant user", Tokens.rs256(Tokens.user("acme")), endpoint.tenantUser()));
            cells.add(Arguments.of(endpoint, "admin", Tokens.rs256(Tokens.admin()), endpoint.admin()));
            cells.add(Arguments.of(
                    endpoint, "service", Tokens.rs256(Tokens.user("acme", "service")), endpoint.service()));
        }
        return cells.stream();
    }

    @BeforeEach
    void acmeHasAConfiguration() {
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("cells")
    void each_caller_gets_exactly_the_expected_status(Endpoint endpoint, String caller, String token, int expected) {
        String[] pathAndQuery = endpoint.path().split("\\?");
        WebTarget target = API.target(pathAndQuery[0]);
        if (pathAndQuery.length > 1) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] parameter = pair.split("=");
                target = target.queryParam(parameter[0], parameter[1]);
            }
        }
        Invocation.Builder request = target.request();
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        Response response = endpoint.body() == null
                ? request.method(endpoint.method())
                : request.method(endpoint.method(), Entity.entity(endpoint.body(), MediaType.APPLICATION_JSON));

        assertThat(response.getStatus()).isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(response.readEntity(Map.class))
                    .containsEntry("status", 401)
                    .containsKey("detail");
        }
        if (expected == 403) {
            assertThat((String) response.readEntity(Map.class).get("detail")).isNotBlank();
        }
    }
}
