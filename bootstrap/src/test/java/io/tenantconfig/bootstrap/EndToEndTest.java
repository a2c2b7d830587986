package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole service over real HTTP on a real PostgreSQL: the seed's Quick Start, every status
 * code the API promises, and concurrent writers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EndToEndTest {

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(DATABASE);

    private final ApiClient api = new ApiClient(APP);

    private static String token(String tenant, String... roles) {
        return new ApiClient(APP).token(tenant, roles);
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws Exception {
        return api.send(method, path, token, body, headers);
    }

    @BeforeEach
    void noConfigs() throws Exception {
        api.startAfresh(Jdbi.create(DATABASE.dataSource()));
    }

    @Test
    void the_quick_start_calls_work_as_pasted() throws Exception {
        String acme = token("acme");

        assertThat(send(
                                "POST",
                                "/api/v1/tenant/config",
                                acme,
                                "{\"waba_id\":\"123456789\",\"phone_number_id\":\"987654321\",\"access_token\":\"EAAG-real-token-0001\"}")
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> get = send("GET", "/api/v1/tenant/config", acme, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(get.body()).contains("\"access_token\":\"***0001\"").doesNotContain("EAAG-real-token");

        HttpResponse<String> put =
                send("PUT", "/api/v1/tenant/config", acme, "{\"callback_url\": \"https://new-url.com/webhook\"}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).contains("\"callback_url\":\"https://new-url.com/webhook\"");

        HttpResponse<String> verify = send("GET", "/api/v1/auth/verify", acme, null);
        assertThat(verify.body()).contains("\"valid\":true", "\"tenant_id\":\"acme\"");
    }

    @Test
    void every_promised_status_code_over_real_http() throws Exception {
        String acme = token("acme");
        String admin = token(null, "admin");

        assertThat(send("GET", "/api/v1/tenant/config", null, null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/tenant/config", acme, null).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/tenant/config", acme, "{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/v1/tenant/config", acme, "{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(send("PUT", "/api/v1/tenant/config", acme, "{\"waba_id\":\"x\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("PUT", "/api/v1/tenant/config", acme, "{oops").statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", "/api/v1/tenant/config", acme, "{\"verify_token\":\"" + "v".repeat(70_000) + "\"}")
                        .statusCode())
                .isEqualTo(413);
        HttpResponse<String> textPlain = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + APP.getLocalPort() + "/api/v1/tenant/config"))
                                .header("Authorization", "Bearer " + acme)
                                .header("Content-Type", "text/plain")
                                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(send("PUT", "/api/v1/tenant/config", acme, "{}", "If-Match", "\"9\"")
                        .statusCode())
                .isEqualTo(412);
        assertThat(send("GET", "/api/v1/tenant/config/full", acme, null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/tenant/admin/configs/all?limit=5000", admin, null)
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("DELETE", "/api/v1/tenant/admin/configs/delete-all?confirmation=no", admin, null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("DELETE", "/api/v1/tenant/admin/configs/delete-tenant/nobody", admin, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/tenant/config/deactivate", acme, null).statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/tenant/config", acme, null).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/no-such-endpoint", acme, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void error_bodies_are_json_with_detail_status_and_title_and_no_internals() throws Exception {
        HttpResponse<String> response =
                send("PUT", "/api/v1/tenant/config", token("acme"), "{\"access_token\": \"EAAG-leak-me\" ");

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body())
                .contains("\"detail\"", "\"status\":400", "\"title\"")
                .doesNotContain("EAAG-leak-me")
                .doesNotContain("Exception")
                .doesNotContain("at io.");
    }

    @Test
    void concurrent_puts_of_different_fields_without_if_match_all_apply_and_none_is_lost() throws Exception {
        String acme = token("acme");
        send("POST", "/api/v1/tenant/config", acme, "{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}");
        List<String> bodies = List.of(
                "{\"verify_token\":\"v-1\"}",
                "{\"callback_url\":\"https://a.example/cb\"}",
                "{\"redirect_url\":\"https://a.example/rd\"}",
                "{\"display_phone_number\":\"+1 555\"}");

        List<Integer> statuses = ConcurrentRequests.statuses(
                bodies.size(), 1, (client, n) -> send("PUT", "/api/v1/tenant/config", acme, bodies.get(client)));

        assertThat(statuses).containsOnly(200);
        String config = send("GET", "/api/v1/tenant/config", acme, null).body();
        assertThat(config).contains("v-1", "https://a.example/cb", "https://a.example/rd", "+1 555", "\"version\":5");
    }

    @Test
    void a_configuration_can_be_created_with_any_subset_of_its_fields() throws Exception {
        HttpResponse<String> empty = send("POST", "/api/v1/tenant/config", token("acme"), "{}");
        HttpResponse<String> tokenOnly =
                send("POST", "/api/v1/tenant/config", token("globex"), "{\"access_token\":\"EAAG-only-a-token-4321\"}");
        HttpResponse<String> wabaOnly = send("POST", "/api/v1/tenant/config", token("initech"), "{\"waba_id\":\"77\"}");

        for (HttpResponse<String> created : List.of(empty, tokenOnly, wabaOnly)) {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        }
        assertThat(tokenOnly.body()).contains("\"access_token\":\"***4321\"").doesNotContain("EAAG-only");
        assertThat(wabaOnly.body()).contains("\"waba_id\":\"77\"", "\"phone_number_id\":null");
        HttpResponse<String> resolved = send("GET", "/api/v1/tenant/config/resolved", token("acme"), null);
        assertThat(resolved.body()).contains("\"has_tenant_config\":true");
    }

    @Test
    void a_secret_copied_from_another_tenant_is_an_error_never_the_other_tenants_secret() throws Exception {
        send(
                "POST",
                "/api/v1/tenant/config",
                token("acme"),
                "{\"waba_id\":\"1\",\"phone_number_id\":\"2\",\"access_token\":\"EAAG-acme-only-7777\"}");
        send(
                "POST",
                "/api/v1/tenant/config",
                token("globex"),
                "{\"waba_id\":\"3\",\"phone_number_id\":\"4\",\"access_token\":\"EAAG-globex-only-8888\"}");
        Jdbi.create(DATABASE.dataSource())
                .useHandle(h -> h.execute(
                        "UPDATE whatsapp_accounts SET access_token = (SELECT a.access_token FROM whatsapp_accounts a"
                                + " JOIN tenant_configs c ON c.id = a.config_id WHERE c.tenant_id = 'acme')"
                                + " WHERE config_id = (SELECT id FROM tenant_configs WHERE tenant_id = 'globex')"));

        HttpResponse<String> response = send("GET", "/api/v1/tenant/config/full", token("globex", "service"), null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("cannot be decrypted")
                .doesNotContain("EAAG-acme-only")
                .doesNotContain("7777");
    }

    @Test
    void the_audit_trail_records_who_changed_and_read_what_and_each_tenant_sees_only_its_own() throws Exception {
        String acme = token("acme");
        send("POST", "/api/v1/tenant/config", acme, "{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}");
        HttpResponse<String> put = send(
                "PUT",
                "/api/v1/tenant/config",
                acme,
                "{\"access_token\":\"EAAG-never-in-the-audit-5555\"}",
                "X-Request-Id",
                "req-audit-1");
        assertThat(put.headers().firstValue("X-Request-Id")).contains("req-audit-1");
        send("GET", "/api/v1/tenant/config/full", token("acme", "service"), null);
        send("POST", "/api/v1/tenant/config", token("globex"), "{\"waba_id\":\"3\",\"phone_number_id\":\"4\"}");

        JsonNode history = new ObjectMapper()
                .readTree(
                        send("GET", "/api/v1/tenant/config/history", acme, null).body());

        JsonNode records = history.get("records");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("action").asText()).isEqualTo("SECRETS_READ");
        assertThat(records.get(0).get("roles").toString()).contains("service");
        JsonNode update = records.get(1);
        assertThat(update.get("action").asText()).isEqualTo("UPDATE");
        assertThat(update.get("actor").asText()).isEqualTo("user-acme");
        assertThat(update.get("fields").toString()).isEqualTo("[\"access_token\"]");
        assertThat(update.get("request_id").asText()).isEqualTo("req-audit-1");
        assertThat(update.get("client_address").asText()).isEqualTo("127.0.0.1");
        assertThat(records.get(2).get("action").asText()).isEqualTo("CREATE");
        assertThat(history.toString()).doesNotContain("globex").doesNotContain("EAAG-never");

        JsonNode all = new ObjectMapper()
                .readTree(send("GET", "/api/v1/tenant/admin/configs/audit?tenant_id=globex", token(null, "admin"), null)
                        .body());
        assertThat(all.get("records")).hasSize(1);
        assertThat(all.at("/records/0/tenant_id").asText()).isEqualTo("globex");
    }

    @Test
    void a_request_without_an_id_gets_one_and_the_audit_trail_records_it() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/tenant/config", token("acme"), "{}");
        HttpResponse<String> hostile =
                send("POST", "/api/v1/tenant/config", token("globex"), "{}", "X-Request-Id", "not an id; DROP TABLE");

        String generated = created.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(hostile.headers().firstValue("X-Request-Id").orElseThrow())
                .as("an id that is not a plain token is replaced")
                .doesNotContain("DROP")
                .isNotEqualTo(generated);
        JsonNode history = new ObjectMapper()
                .readTree(send("GET", "/api/v1/tenant/config/history", token("acme"), null)
                        .body());
        assertThat(history.at("/records/0/request_id").asText()).isEqualTo(generated);
    }
}
