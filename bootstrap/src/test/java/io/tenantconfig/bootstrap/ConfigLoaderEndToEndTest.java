package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service on one database, as in production: what one changes, the other
 * serves within a second, from memory. And the resolved view of the credentials over HTTP.
 */
class ConfigLoaderEndToEndTest {

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    private static DropwizardTestSupport<TenantConfigConfiguration> first;
    private static DropwizardTestSupport<TenantConfigConfiguration> second;
    private static Path dotenv;

    private static DropwizardTestSupport<TenantConfigConfiguration> instance() {
        return TestApps.support(DATABASE, ConfigOverride.config("credentials.dotenvFile", dotenv.toString()));
    }

    @BeforeAll
    static void twoInstances() throws Exception {
        dotenv = folder.resolve(".env");
        Files.writeString(dotenv, "WHATSAPP_PHONE_ID=100000000000001\nWHATSAPP_TOKEN=EAAG-platform-token-0042\n");
        first = instance();
        first.before();
        second = instance();
        second.before();
    }

    @AfterAll
    static void stop() {
        second.after();
        first.after();
    }

    private static String token(String tenant, String... roles) {
        return new ApiClient(first).token(tenant, roles);
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

    /**
     * Waits until {@code instance} answers GET /config with {@code status} and {@code field} =
     * {@code expected}. The deadline is generous for a loaded machine, and shorter than the cache's
     * 60-second expiry: only the change announcement can make the other instance serve it in time.
     */
    private static void served(
            DropwizardTestSupport<TenantConfigConfiguration> instance,
            String tenantToken,
            int status,
            String field,
            String expected) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    HttpResponse<String> response = call(instance, "GET", "/api/v1/tenant/config", tenantToken, null);
                    return response.statusCode() == status
                            && (field == null
                                    || expected.equals(
                                            json(response).path(field).asText()));
                });
    }

    @Test
    void a_change_through_one_instance_is_served_by_the_other_once_announced() throws Exception {
        String acme = token("acme-two-instances");
        assertThat(call(
                                first,
                                "POST",
                                "/api/v1/tenant/config",
                                acme,
                                "{\"waba_id\":\"1\",\"phone_number_id\":\"2\",\"verify_token\":\"before\"}")
                        .statusCode())
                .isEqualTo(201);
        served(second, acme, 200, "verify_token", "before");

        assertThat(call(first, "PUT", "/api/v1/tenant/config", acme, "{\"verify_token\":\"after\"}")
                        .statusCode())
                .isEqualTo(200);
        served(second, acme, 200, "verify_token", "after");

        assertThat(call(first, "POST", "/api/v1/tenant/config/deactivate", acme, null)
                        .statusCode())
                .isEqualTo(200);
        served(second, acme, 200, "is_active", "false");

        assertThat(call(first, "DELETE", "/api/v1/tenant/config", acme, null).statusCode())
                .isEqualTo(204);
        served(second, acme, 404, null, null);
    }

    @Test
    void a_number_added_or_removed_through_one_instance_is_owned_or_not_on_the_other_once_announced() throws Exception {
        String initech = token("initech-two-instances");
        String service = token("platform", "service");
        assertThat(call(first, "POST", "/api/v1/tenant/config", initech, "{\"waba_id\":\"880001\"}")
                        .statusCode())
                .isEqualTo(201);

        assertThat(call(
                                first,
                                "POST",
                                "/api/v1/tenant/config/phone-numbers",
                                initech,
                                "{\"phone_number_id\":\"880002\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(call(first, "GET", "/api/v1/lookup/phone-numbers/880002", service, null)
                        .statusCode())
                .as("on the instance that made the change, at once")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    HttpResponse<String> owner =
                            call(second, "GET", "/api/v1/lookup/phone-numbers/880002", service, null);
                    return owner.statusCode() == 200
                            && json(owner).path("tenant_id").asText().equals("initech-two-instances");
                });
        assertThat(json(call(second, "GET", "/api/v1/lookup/wabas/880001", service, null))
                        .path("phone_number_id")
                        .asText())
                .isEqualTo("880002");

        assertThat(call(first, "DELETE", "/api/v1/tenant/config/phone-numbers/880002", initech, null)
                        .statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> call(second, "GET", "/api/v1/lookup/phone-numbers/880002", service, null)
                                .statusCode()
                        == 404);
    }

    @Test
    void resolved_credentials_fall_back_to_the_dotenv_file_and_are_masked_for_tenant_users() throws Exception {
        String tenant = token("resolved-newcomer");

        JsonNode resolved = json(call(second, "GET", "/api/v1/tenant/config/resolved", tenant, null));

        assertThat(resolved.get("has_tenant_config").asBoolean()).isFalse();
        assertThat(resolved.at("/values/phone_number_id/value").asText()).isEqualTo("100000000000001");
        assertThat(resolved.at("/values/phone_number_id/source").asText()).isEqualTo("environment");
        assertThat(resolved.at("/values/access_token/value").asText()).isEqualTo("***0042");
        assertThat(resolved.at("/values/waba_id/source").asText()).isEqualTo("none");

        JsonNode forService = json(
                call(second, "GET", "/api/v1/tenant/config/resolved", token("resolved-newcomer", "service"), null));
        assertThat(forService.at("/values/access_token/value").asText()).isEqualTo("EAAG-platform-token-0042");
    }

    @Test
    void the_reload_task_reads_the_dotenv_file_again() throws Exception {
        Files.writeString(
                dotenv,
                "WHATSAPP_PHONE_ID=100000000000001\nWHATSAPP_TOKEN=EAAG-platform-token-0042\n"
                        + "CALLBACK_URL=https://platform.example/webhook\n");
        HttpResponse<String> task = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + second.getAdminPort() + "/tasks/reload-fallback"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(task.statusCode()).isEqualTo(200);
        JsonNode resolved = json(call(second, "GET", "/api/v1/tenant/config/resolved", token("reload-check"), null));
        assertThat(resolved.at("/values/callback_url/value").asText()).isEqualTo("https://platform.example/webhook");
    }

    @Test
    void statistics_report_resolutions_by_source_and_metrics_show_the_cache() throws Exception {
        call(second, "GET", "/api/v1/tenant/config/resolved", token("stats-check"), null);

        JsonNode stats = json(call(second, "GET", "/api/v1/tenant/admin/configs/stats", token(null, "admin"), null));
        assertThat(stats.at("/resolutions_by_source/environment").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.at("/resolutions_by_source/none").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.has("total_configs")).isTrue();

        JsonNode metrics = JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + second.getAdminPort() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(metrics.at("/gauges").has("tenant-config.cache.hits")).isTrue();
        assertThat(metrics.at("/gauges").has("tenant-config.notifications.received"))
                .isTrue();
        assertThat(metrics.at("/gauges/tenant-config.resolutions.environment/value")
                        .asLong())
                .isGreaterThanOrEqualTo(2);
    }
}
