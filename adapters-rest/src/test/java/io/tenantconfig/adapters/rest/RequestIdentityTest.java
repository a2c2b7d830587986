package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.out.AuditRecord;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every answer carries a request id, the audit trail records it, and a client's own id is kept when it is sane. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestIdentityTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeEach
    void empty() {
        FIXTURE.clear();
    }

    private static Invocation.Builder create() {
        return API.target("/api/v1/tenant/config")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")));
    }

    private static Actor recordedActor() {
        List<AuditRecord> trail = FIXTURE.store.auditTrail();
        return trail.get(trail.size() - 1).entry().actor();
    }

    private static String recordedRequestId() {
        return recordedActor().requestId();
    }

    @Test
    void a_clients_id_is_echoed_and_recorded_with_the_change() {
        Response response = create().header("X-Request-Id", "frontend-42.a:b_c").post(Entity.json("{}"));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeaderString("X-Request-Id")).isEqualTo("frontend-42.a:b_c");
        assertThat(recordedRequestId()).isEqualTo("frontend-42.a:b_c");
        assertThat(recordedActor().clientAddress())
                .as("the test container has no client address: none is recorded, not an empty one")
                .isNull();
    }

    @Test
    void without_an_id_the_service_makes_one_and_records_it() {
        Response response = create().post(Entity.json("{}"));

        String id = response.getHeaderString("X-Request-Id");
        assertThat(id).matches(UUID);
        assertThat(recordedRequestId()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "has spaces",
                "quote\"d",
                "<script>",
                "a-very-long-id-0123456789-0123456789-0123456789-0123456789-012345"
            })
    void an_id_that_could_forge_a_log_line_or_is_longer_than_64_characters_is_replaced(String given) {
        Response response = create().header("X-Request-Id", given).post(Entity.json("{}"));

        assertThat(response.getHeaderString("X-Request-Id")).matches(UUID);
        assertThat(recordedRequestId()).isNotEqualTo(given);
    }
}
