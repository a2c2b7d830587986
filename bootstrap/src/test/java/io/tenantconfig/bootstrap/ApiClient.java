package io.tenantconfig.bootstrap;

import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tenantconfig.adapters.rest.auth.TokenMinter;
import io.tenantconfig.testing.SecretValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Real HTTP calls to a running application, with tokens signed by its configured secret. */
final class ApiClient {

    private final Supplier<TenantConfigConfiguration> configuration;
    private final IntSupplier port;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiClient(DropwizardAppExtension<TenantConfigConfiguration> app) {
        this(app::getConfiguration, app::getLocalPort);
    }

    ApiClient(DropwizardTestSupport<TenantConfigConfiguration> app) {
        this(app::getConfiguration, app::getLocalPort);
    }

    private ApiClient(Supplier<TenantConfigConfiguration> configuration, IntSupplier port) {
        this.configuration = configuration;
        this.port = port;
    }

    /** A token for a user of {@code tenant} (null: no tenant) with {@code roles}. */
    String token(String tenant, String... roles) {
        return tokenOf("user-" + tenant, tenant, roles);
    }

    /** A token for the user {@code subject} of {@code tenant} (null: no tenant) with {@code roles}. */
    String tokenOf(String subject, String tenant, String... roles) {
        return SecretValues.secret(new TokenMinter(configuration.get().getAuth().settings(), Clock.systemUTC())
                .mint(subject, tenant, List.of(roles), Duration.ofMinutes(10)));
    }

    /**
     * Deletes every configuration through the service (so that its cache hears of it too) and
     * empties the audit trail and the signup sessions behind it (deleting configurations keeps
     * both): a fresh start for the next test.
     */
    void startAfresh(Jdbi jdbi) throws Exception {
        HttpResponse<String> deleted = send(
                "DELETE",
                "/api/v1/tenant/admin/configs/delete-all?confirmation=DELETE_ALL_CONFIGS_PERMANENTLY",
                token(null, "admin"),
                null);
        if (deleted.statusCode() != 200) {
            throw new IllegalStateException("could not delete every configuration: " + deleted.body());
        }
        jdbi.useHandle(h -> h.execute("TRUNCATE tenant_config_audit, signup_sessions, signup_session_installs"));
    }

    /** Sends a request; a body is sent as JSON; {@code headers} are name, value pairs. */
    HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws Exception {
        SecretValues.inJsonBody(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + SecretValues.secret(token));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
