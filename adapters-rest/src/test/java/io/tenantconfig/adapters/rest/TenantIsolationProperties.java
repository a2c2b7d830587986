package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.LogLeakGuard;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of operations by several tenants, through the whole HTTP API: no tenant ever
 * sees another tenant's values in an answer, and no tenant's stored configuration ever holds a
 * value another tenant sent. Every value a tenant sends carries its name, so a leak shows.
 */
class TenantIsolationProperties {

    private static final List<String> TENANTS = List.of("alpha", "beta", "gamma");

    private static ApiFixture fixture;
    private static ResourceExtension api;

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

    @BeforeContainer
    static void start() throws Throwable {
        // jqwik runs outside JUnit Jupiter, so the suite-wide guard is attached and checked here.
        LogLeakGuard.attach();
        fixture = ApiFixture.withHs256();
        api = fixture.resources;
        api.before();
    }

    @AfterContainer
    static void stop() throws Throwable {
        api.after();
        assertThat(LogLeakGuard.leaks()).as("log lines holding a secret").isEmpty();
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> operation = Combinators.combine(
                        Arbitraries.of(TENANTS),
                        Arbitraries.of(Action.class),
                        Arbitraries.integers().between(0, 99))
                .as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void no_tenant_ever_reads_or_changes_another_tenants_configuration(
            @ForAll("operations") List<Operation> operations) {
        fixture.clear();
        for (Operation operation : operations) {
            String body = operation.send(api).readEntity(String.class);
            for (String other : TENANTS) {
                if (!other.equals(operation.tenant())) {
                    assertThat(body)
                            .as(operation + " answered with another tenant's value")
                            .doesNotContain("-" + other + "-")
                            .doesNotContain(other + ".example")
                            .doesNotContain("\"" + other + "\"");
                }
            }
        }
        for (String tenant : TENANTS) {
            Optional<TenantConfig> stored = fixture.store.load(TenantId.of(tenant));
            stored.ifPresent(config -> {
                assertThat(config.webhook().verifyToken().value()).startsWith("mark-" + tenant + "-");
                assertThat(config.token().accessToken().reveal()).startsWith("EAAG-" + tenant + "-");
                if (config.webhook().callbackUrl() != null) {
                    assertThat(config.webhook().callbackUrl().value()).startsWith("https://" + tenant + ".example/");
                }
            });
        }
    }
}
