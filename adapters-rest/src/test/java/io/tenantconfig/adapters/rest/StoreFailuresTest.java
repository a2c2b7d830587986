package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.port.out.SecretUnreadableException;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.testing.LogLeakGuard;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When the store fails, the caller learns whether to retry or to call an operator, and gets a
 * reference to quote; the details (which row, which query) go only to the log.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StoreFailuresTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;
    private static final Pattern REFERENCE = Pattern.compile("\\(reference ([0-9a-f-]{36})\\)");

    private static Response getConfig() {
        return API.target("/api/v1/tenant/config")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .get();
    }

    @SuppressWarnings("unchecked")
    private static String detail(Response response) {
        return ((Map<String, Object>) response.readEntity(Map.class))
                .get("detail")
                .toString();
    }

    private static String reference(String detail) {
        Matcher matcher = REFERENCE.matcher(detail);
        assertThat(matcher.find()).as("a reference in: " + detail).isTrue();
        return matcher.group(1);
    }

    private static boolean logged(String... parts) {
        return LogLeakGuard.lines().stream().anyMatch(line -> {
            for (String part : parts) {
                if (!line.contains(part)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void an_unreachable_database_is_503_asking_to_retry_in_5_seconds() {
        FIXTURE.store.failNextLoad(
                new StoreUnavailableException("connection refused", new ConnectException("refused")));

        Response response = getConfig();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(detail(response)).isEqualTo("The configuration store is unavailable. Try again shortly.");
        assertThat(logged("Database unavailable: connection refused")).isTrue();
    }

    @Test
    void a_secret_that_does_not_decrypt_is_500_with_a_reference_the_log_explains() {
        FIXTURE.store.failNextLoad(new SecretUnreadableException("tenant_configs.access_token/acme"));

        Response response = getConfig();

        assertThat(response.getStatus()).isEqualTo(500);
        String detail = detail(response);
        assertThat(detail)
                .startsWith("A stored secret of this configuration cannot be decrypted; an operator has to check it")
                .doesNotContain("tenant_configs");
        assertThat(logged(reference(detail), "tenant_configs.access_token/acme"))
                .isTrue();
    }

    @Test
    void anything_else_is_500_with_a_reference_and_nothing_of_the_failure_in_the_body() {
        FIXTURE.store.failNextLoad(new IllegalStateException("SELECT access_token FROM tenant_configs failed"));

        Response response = getConfig();

        assertThat(response.getStatus()).isEqualTo(500);
        String detail = detail(response);
        assertThat(detail).startsWith("Something went wrong on our side").doesNotContain("SELECT");
        assertThat(logged("Unexpected error, reference " + reference(detail))).isTrue();
    }
}
