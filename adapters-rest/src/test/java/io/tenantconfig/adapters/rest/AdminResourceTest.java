package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.domain.TenantId;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class AdminResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;
    private static final String ADMIN = Tokens.hs256(Tokens.admin());

    @BeforeEach
    void threeTenants() {
        FIXTURE.clear();
        FIXTURE.insert(
                TestConfigs.aConfig("acme").onboardedAt(TestConfigs.CREATED_AT).build());
        FIXTURE.insert(TestConfigs.aConfig("globex").build());
        FIXTURE.insert(TestConfigs.aConfig("initech").active(false).build());
        for (String tenant : List.of("acme", "globex", "initech")) {
            FIXTURE.store.record(AuditEntry.of(new Actor("system"), TenantId.of(tenant), AuditAction.CREATE));
        }
    }

    private static Response get(WebTarget target) {
        return target.request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get();
    }

    private static Response delete(WebTarget target) {
        return target.request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .delete();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @Test
    void the_list_pages_through_masked_configs() {
        Response response = get(API.target("/api/v1/tenant/admin/configs/all")
                .queryParam("skip", 1)
                .queryParam("limit", 1));

        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, Object> page = body(response);
        assertThat(page).containsEntry("total", 3).containsEntry("returned", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> configs = (List<Map<String, Object>>) page.get("configs");
        assertThat(configs).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("tenant_id", "globex");
            assertThat(c.get("access_token").toString()).startsWith("***").doesNotContain("EAAG");
            assertThat(c.get("fb_app_secret").toString()).startsWith("***");
        });
    }

    @Test
    void the_list_defaults_to_the_first_100() {
        assertThat(body(get(API.target("/api/v1/tenant/admin/configs/all")))).containsEntry("returned", 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "abc"})
    void a_limit_outside_1_to_1000_is_422_naming_it(String limit) {
        Response response = get(API.target("/api/v1/tenant/admin/configs/all").queryParam("limit", limit));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString()).contains("field=limit");
    }

    @SuppressWarnings("unchecked")
    private static List<String> tenants(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("configs"))
                .stream().map(c -> c.get("tenant_id").toString()).toList();
    }

    @Test
    void pages_follow_on_from_the_next_of_the_previous_and_the_last_has_none() {
        Map<String, Object> first =
                body(get(API.target("/api/v1/tenant/admin/configs/all").queryParam("limit", 2)));
        Map<String, Object> second = body(get(API.target("/api/v1/tenant/admin/configs/all")
                .queryParam("limit", 2)
                .queryParam("after", first.get("next"))));

        assertThat(tenants(first)).containsExactly("acme", "globex");
        assertThat(first.get("next")).isInstanceOf(String.class);
        assertThat(tenants(second)).containsExactly("initech");
        assertThat(second).containsEntry("next", null).containsEntry("total", 3);
    }

    @Test
    void filters_narrow_the_list_and_its_total() {
        Map<String, Object> inactive =
                body(get(API.target("/api/v1/tenant/admin/configs/all").queryParam("is_active", "false")));
        Map<String, Object> onboarded =
                body(get(API.target("/api/v1/tenant/admin/configs/all").queryParam("onboarding_status", "COMPLETED")));
        Map<String, Object> byPrefix =
                body(get(API.target("/api/v1/tenant/admin/configs/all").queryParam("q", "glo")));
        Map<String, Object> byNumber = body(get(API.target("/api/v1/tenant/admin/configs/all")
                .queryParam("phone_number_id", TestConfigs.phoneNumberIdOf("initech"))));
        Map<String, Object> byAccount = body(get(
                API.target("/api/v1/tenant/admin/configs/all").queryParam("waba_id", TestConfigs.wabaIdOf("acme"))));
        Map<String, Object> recent = body(get(
                API.target("/api/v1/tenant/admin/configs/all").queryParam("updated_since", "2099-01-01T00:00:00Z")));

        assertThat(tenants(inactive)).containsExactly("initech");
        assertThat(inactive).containsEntry("total", 1);
        assertThat(tenants(onboarded)).containsExactly("acme");
        assertThat(tenants(byPrefix)).containsExactly("globex");
        assertThat(tenants(byNumber)).containsExactly("initech");
        assertThat(tenants(byAccount)).containsExactly("acme");
        assertThat(recent).containsEntry("total", 0).containsEntry("next", null);
    }

    @ParameterizedTest
    @CsvSource({
        "after, abc, after must be the next of a previous page",
        "after, -5, after must be the next of a previous page",
        "is_active, yes, is_active must be true or false",
        "onboarding_status, DONE, onboarding_status must be one of",
        "waba_id, 12ab, waba_id ",
        "phone_number_id, +15550100, phone_number_id ",
        "updated_since, yesterday, updated_since must be a moment with its offset",
        "updated_since, 2026-12-01T00:00:00, updated_since must be a moment with its offset",
        "updated_since, +999999999-12-31T23:59:59Z, updated_since must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
        "updated_since, -4713-01-01T00:00:00Z, updated_since must lie between",
        "q, acme\u001binjected, q must not contain control characters",
        "health, SICK, health must be one of"
    })
    void a_filter_or_cursor_that_cannot_be_read_is_422_naming_it(String field, String value, String message) {
        Response response = get(API.target("/api/v1/tenant/admin/configs/all").queryParam(field, value));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString())
                .contains("field=" + field)
                .contains(message);
    }

    @Test
    void a_prefix_with_a_nul_is_422_naming_q_not_a_500_from_the_database() {
        Response response = get(API.target("/api/v1/tenant/admin/configs/all").queryParam("q", "acme\u0000"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString())
                .contains("field=q")
                .contains("q must not contain control characters");
    }

    @Test
    void a_prefix_longer_than_a_tenant_id_is_422() {
        Response response = get(API.target("/api/v1/tenant/admin/configs/all").queryParam("q", "x".repeat(101)));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString()).contains("field=q");
    }

    @Test
    void after_and_skip_together_are_422() {
        Response response = get(API.target("/api/v1/tenant/admin/configs/all")
                .queryParam("after", "1")
                .queryParam("skip", "1"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString()).contains("after and skip cannot be used together");
    }

    @Test
    void a_negative_skip_is_422() {
        assertThat(get(API.target("/api/v1/tenant/admin/configs/all").queryParam("skip", -1))
                        .getStatus())
                .isEqualTo(422);
    }

    @Test
    void statistics_count_by_state() {
        assertThat(body(get(API.target("/api/v1/tenant/admin/configs/stats"))))
                .containsEntry("total_configs", 3)
                .containsEntry("active_configs", 2)
                .containsEntry("inactive_configs", 1)
                .containsEntry("onboarded_configs", 1)
                .containsEntry("pending_onboarding", 2)
                .containsEntry("events", java.util.Map.of("pending", 0, "oldest_pending_seconds", 0));
    }

    @Test
    void delete_all_with_the_confirmation_deletes_everything() {
        Response response = delete(API.target("/api/v1/tenant/admin/configs/delete-all")
                .queryParam("confirmation", "DELETE_ALL_CONFIGS_PERMANENTLY"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("success", true)
                .containsEntry("deleted_count", 3)
                .containsKeys("message", "warning");
        assertThat(FIXTURE.store.statistics().total()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "delete_all_configs_permanently"})
    void delete_all_with_anything_else_is_400_and_deletes_nothing(String confirmation) {
        Response response =
                delete(API.target("/api/v1/tenant/admin/configs/delete-all").queryParam("confirmation", confirmation));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("detail").toString()).contains("DELETE_ALL_CONFIGS_PERMANENTLY");
        assertThat(FIXTURE.store.statistics().total()).isEqualTo(3);
    }

    @Test
    void delete_all_without_a_confirmation_is_400() {
        assertThat(delete(API.target("/api/v1/tenant/admin/configs/delete-all")).getStatus())
                .isEqualTo(400);
        assertThat(FIXTURE.store.statistics().total()).isEqualTo(3);
    }

    @Test
    void deleting_one_tenant_answers_with_what_was_deleted() {
        Response response = delete(API.target("/api/v1/tenant/admin/configs/delete-tenant/globex"));

        assertThat(response.getStatus()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) body(response).get("deleted_config");
        assertThat(deleted)
                .containsEntry("tenant_id", "globex")
                .containsEntry("waba_id", TestConfigs.wabaIdOf("globex"))
                .containsKey("id");
        assertThat(FIXTURE.store.statistics().total()).isEqualTo(2);
    }

    @Test
    void deleting_an_unknown_tenant_is_404() {
        Response response = delete(API.target("/api/v1/tenant/admin/configs/delete-tenant/nobody"));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response)).containsEntry("detail", "Tenant configuration not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=ten", "before=0", "before=abc"})
    void the_audit_trail_refuses_parameters_out_of_range_naming_them(String parameter) {
        String[] pair = parameter.split("=");

        Response response = get(API.target("/api/v1/tenant/admin/configs/audit").queryParam(pair[0], pair[1]));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString()).contains("field=" + pair[0]);
    }

    @Test
    void the_audit_trail_refuses_a_tenant_id_that_cannot_be_one() {
        Response response =
                get(API.target("/api/v1/tenant/admin/configs/audit").queryParam("tenant_id", "t".repeat(101)));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString()).contains("field=tenant_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/tenant/admin/configs/audit", "/api/v1/tenant/admin/events"})
    void a_tenant_id_with_a_slash_is_refused_as_a_parameter_as_it_is_in_a_token(String path) {
        Response response = get(API.target(path).queryParam("tenant_id", "acme/eu"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString())
                .contains("field=tenant_id")
                .contains("must not contain '/'");
    }

    @Test
    void the_audit_trail_pages_newest_first() {
        Map<String, Object> first =
                body(get(API.target("/api/v1/tenant/admin/configs/audit").queryParam("limit", 2)));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) first.get("records");
        assertThat(records).extracting(r -> r.get("tenant_id")).containsExactly("initech", "globex");
        Map<String, Object> second = body(get(API.target("/api/v1/tenant/admin/configs/audit")
                .queryParam("limit", 2)
                .queryParam("before", first.get("next_before"))));
        assertThat(second.get("records").toString()).contains("tenant_id=acme");
    }
}
