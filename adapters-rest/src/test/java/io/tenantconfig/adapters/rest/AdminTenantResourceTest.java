package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.health.TokenFacts;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An admin looking at and acting on one tenant named in the path: the dashboard's tenant page. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminTenantResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;
    private static final String ADMIN = Tokens.hs256(Tokens.admin());
    private static final String TENANT = "/api/v1/tenant/admin/tenants/";

    @BeforeEach
    void acmeAndGlobex() {
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        FIXTURE.insert(TestConfigs.aConfig("globex").build());
    }

    private static Invocation.Builder admin(String path) {
        return API.target(path).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @Test
    void the_admin_reads_a_tenants_configuration_masked_with_its_version() {
        Response response = admin(TENANT + "acme").get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        Map<String, Object> config = body(response);
        assertThat(config).containsEntry("tenant_id", "acme").containsEntry("is_active", true);
        for (String secret : List.of("access_token", "fb_app_secret", "refresh_token")) {
            assertThat(config.get(secret)).asString().startsWith("***").hasSize(7);
        }
    }

    @Test
    void deactivating_takes_the_tenant_out_of_use_under_the_admins_name_and_activating_brings_it_back() {
        Response deactivated = admin(TENANT + "acme/deactivate")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .post(null);

        assertThat(deactivated.getStatus()).isEqualTo(200);
        assertThat(deactivated.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(body(deactivated)).containsEntry("is_active", false);
        assertThat(body(admin(TENANT + "globex").get())).containsEntry("is_active", true);
        Map<String, Object> trail = body(API.target("/api/v1/tenant/admin/configs/audit")
                .queryParam("tenant_id", "acme")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) trail.get("records");
        assertThat(entries.get(0)).containsEntry("action", "DEACTIVATE").containsEntry("actor", "platform-admin");

        assertThat(body(admin(TENANT + "acme/activate").post(null))).containsEntry("is_active", true);
    }

    @Test
    void a_stale_version_changes_nothing_and_answers_412() {
        admin(TENANT + "acme/deactivate").post(null);

        Response stale = admin(TENANT + "acme/activate")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .post(null);

        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(body(stale).get("detail")).asString().isNotBlank();
        assertThat(body(admin(TENANT + "acme").get())).containsEntry("is_active", false);
    }

    @Test
    void deleting_a_tenant_as_admin_honours_if_match() {
        Response stale = API.target("/api/v1/tenant/admin/configs/delete-tenant/acme")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .header(HttpHeaders.IF_MATCH, "\"7\"")
                .delete();
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(admin(TENANT + "acme").get().getStatus()).isEqualTo(200);

        Response deleted = API.target("/api/v1/tenant/admin/configs/delete-tenant/acme")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .delete();
        assertThat(deleted.getStatus()).isEqualTo(200);
        assertThat(admin(TENANT + "acme").get().getStatus()).isEqualTo(404);
    }

    @Test
    void health_and_webhook_are_the_tenants_own() {
        assertThat(body(admin(TENANT + "acme/health").get())).containsEntry("state", "UNKNOWN");
        assertThat(body(admin(TENANT + "acme/webhook").get()))
                .containsEntry("verify_token", "verify-acme")
                .extractingByKey("callback_url")
                .asString()
                .startsWith("https://config.example.com/api/v1/webhooks/whatsapp/");
    }

    @Test
    void a_check_now_asks_meta_and_the_event_list_can_hold_that_tenants_events_only() {
        FIXTURE.metaHealth.tokensAre(token -> new TokenFacts(false, 190, 463, null, null, null, Set.of(), Map.of()));
        Response checked = admin(TENANT + "acme/health/check").post(null);
        admin(TENANT + "globex/health/check").post(null);

        assertThat(checked.getStatus()).isEqualTo(200);
        assertThat(body(checked)).containsEntry("state", "INVALID");

        Map<String, Object> acme = body(API.target("/api/v1/tenant/admin/events")
                .queryParam("status", "pending")
                .queryParam("tenant_id", "acme")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) acme.get("events");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("tenant_id", "acme"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/activate",
                "/deactivate",
                "/health",
                "/health/check",
                "/webhook",
            })
    void a_tenant_without_a_configuration_is_a_404(String action) {
        Response response = action.contains("activate") || action.endsWith("check")
                ? admin(TENANT + "initech" + action).post(null)
                : admin(TENANT + "initech" + action).get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response)).containsEntry("detail", "Tenant configuration not found");
    }

    @Test
    void a_tenant_id_that_cannot_be_one_is_a_422_naming_it() {
        Response path = admin(TENANT + "%20acme").get();
        Response query = API.target("/api/v1/tenant/admin/events")
                .queryParam("tenant_id", "x".repeat(101))
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get();

        assertThat(path.getStatus()).isEqualTo(422);
        assertThat(body(path).get("detail")).asString().contains("tenant_id");
        assertThat(query.getStatus()).isEqualTo(422);
        assertThat(body(query).get("detail")).asString().contains("tenant_id");
    }
}
