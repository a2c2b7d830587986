package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dev.yml} as a newcomer runs it: no database configured, so an embedded PostgreSQL starts
 * with its data in a folder, and the data is still there after a restart.
 */
class DevelopmentModeTest {

    private static final String DEV_YML =
            Path.of("..", "dev.yml").toAbsolutePath().normalize().toString();

    @TempDir
    Path data;

    private DropwizardTestSupport<TenantConfigConfiguration> devServer() {
        return new DropwizardTestSupport<>(
                TenantConfigApplication.class,
                DEV_YML,
                ConfigOverride.config(
                        "database.embedded.dataDirectory",
                        data.resolve("postgres").toString()),
                ConfigOverride.config(
                        "encryption.keysetFile",
                        data.resolve("encryption-keyset.json").toString()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"));
    }

    private static int healthStatus(DropwizardTestSupport<TenantConfigConfiguration> server) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.getAdminPort() + "/healthcheck"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void dev_yml_starts_an_embedded_database_that_keeps_its_data_across_restarts() throws Exception {
        DropwizardTestSupport<TenantConfigConfiguration> first = devServer();
        first.before();
        try {
            assertThat(healthStatus(first)).isEqualTo(200);
            ApiClient api = new ApiClient(first);
            assertThat(api.send("POST", "/api/v1/tenant/config", api.token("acme"), "{\"waba_id\":\"1\"}")
                            .statusCode())
                    .isEqualTo(201);
        } finally {
            first.after();
        }

        DropwizardTestSupport<TenantConfigConfiguration> second = devServer();
        second.before();
        try {
            assertThat(healthStatus(second)).isEqualTo(200);
            ApiClient api = new ApiClient(second);
            HttpResponse<String> config = api.send("GET", "/api/v1/tenant/config", api.token("acme"), null);
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.body()).contains("\"waba_id\":\"1\"");
        } finally {
            second.after();
        }
    }
}
