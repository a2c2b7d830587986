package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of operations by several tenants, through the whole HTTP API: no tenant ever
 * sees another tenant's values in an answer, and no tenant's stored configuration ever holds a
 * value another tenant sent. Every value a tenant sends carries its name, so a leak shows. Each
 * case is one seed of a random source, so a failure names the seed that reproduces it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TenantIsolationTest {

    private static final List<String> TENANTS = List.of("alpha", "beta", "gamma");
    private static final int TRIES = 60;
    private static final int MAX_OPERATIONS = 40;

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    enum Action {
        GET,
        FULL,
        RESOLVED,
        HISTORY,
        CREATE,
        UPDATE,
        DELETE,
        ACTIVATE,
        DEACTIVATE
    }

    record Operation(String tenant, Action action, int n) {
        Response send(ResourceExtension api) {
            boolean service = action == Action.FULL || action == Action.RESOLVED;
            String token = Tokens.hs256(service ? Tokens.user(tenant, "service") : Tokens.user(tenant));
            Invocation.Builder request =
                    api.target(path()).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return switch (action) {
                case GET, FULL, RESOLVED, HISTORY -> request.get();
                case CREATE ->
                    request.post(json("{\"waba_id\":\"1" + n + "\",\"phone_number_id\":\"2" + n + "\","
                            + "\"verify_token\":\"mark-" + tenant + "-" + n + "\",\"access_token\":\"EAAG-" + tenant
                            + "-" + n + "\"}"));
                case UPDATE ->
                    request.put(json("{\"verify_token\":\"mark-" + tenant + "-" + n + "\","
                            + "\"callback_url\":\"https://" + tenant + ".example/" + n + "\"}"));
                case DELETE -> request.delete();
                case ACTIVATE, DEACTIVATE -> request.post(null);
            };
        }

        private String path() {
            return switch (action) {
                case FULL -> "/api/v1/tenant/config/full";
                case RESOLVED -> "/api/v1/tenant/config/resolved";
                case HISTORY -> "/api/v1/tenant/config/history";
                case ACTIVATE -> "/api/v1/tenant/config/activate";
                case DEACTIVATE -> "/api/v1/tenant/config/deactivate";
                default -> "/api/v1/tenant/config";
            };
        }

        private static Entity<String> json(String body) {
            return Entity.entity(body, MediaType.APPLICATION_JSON);
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, TRIES);
    }

    private static List<Operation> operations(Random random) {
        List<Operation> operations = new ArrayList<>();
        for (int i = 1 + random.nextInt(MAX_OPERATIONS); i > 0; i--) {
            operations.add(new Operation(
                    TENANTS.get(random.nextInt(TENANTS.size())),
                    Action.values()[random.nextInt(Action.values().length)],
                    random.nextInt(100)));
        }
        return operations;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void no_tenant_ever_reads_or_changes_another_tenants_configuration(int seed) {
        FIXTURE.clear();
        for (Operation operation : operations(new Random(seed))) {
            String body = operation.send(API).readEntity(String.class);
            for (String other : TENANTS) {
                if (!other.equals(operation.tenant())) {
                    assertThat(body)
                            .as("seed " + seed + ": " + operation + " answered with another tenant's value")
                            .doesNotContain("-" + other + "-")
                            .doesNotContain(other + ".example")
                            .doesNotContain("\"" + other + "\"");
                }
            }
        }
        for (String tenant : TENANTS) {
            Optional<TenantConfig> stored = FIXTURE.store.load(TenantId.of(tenant));
            stored.ifPresent(config -> {
                assertThat(config.callbacks().verifyToken().value())
                        .as("seed " + seed)
                        .startsWith("mark-" + tenant + "-");
                assertThat(config.token().accessToken().reveal())
                        .as("seed " + seed)
                        .startsWith("EAAG-" + tenant + "-");
                if (config.callbacks().callbackUrl() != null) {
                    assertThat(config.callbacks().callbackUrl().value())
                            .as("seed " + seed)
                            .startsWith("https://" + tenant + ".example/");
                }
            });
        }
    }
}
