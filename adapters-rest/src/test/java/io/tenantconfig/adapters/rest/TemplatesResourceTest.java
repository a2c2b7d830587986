package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateComponent;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateQuality;
import io.tenantconfig.domain.template.TemplateStatus;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A tenant's templates read, synced on demand, and looked up by the sending code. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TemplatesResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String SERVICE = Tokens.hs256(Tokens.user("platform", "service"));
    private static final String PATH = "/api/v1/tenant/config/templates";
    private static final MetaId ACME_ACCOUNT = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final String ACME_NUMBER = TestConfigs.phoneNumberIdOf("acme");

    @BeforeEach
    void acmeWithTwoTemplatesAtMeta() {
        FIXTURE.clear();
        FIXTURE.templateMeta.failing(null);
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        FIXTURE.templateMeta.has(
                ACME_ACCOUNT,
                List.of(
                        template("order_shipped", "en_US", TemplateStatus.APPROVED),
                        template("spring_sale", "pt_BR", TemplateStatus.PAUSED)));
    }

    private static Template template(String name, String language, TemplateStatus status) {
        return new Template(
                MetaId.parse("1667192013751005"),
                TemplateName.parse(name),
                TemplateLanguage.parse(language),
                status,
                TemplateCategory.MARKETING,
                TemplateQuality.parse("YELLOW"),
                null,
                List.of(
                        TemplateComponent.header("TEXT", 1),
                        TemplateComponent.body(3),
                        TemplateComponent.button(0, "URL", 1)));
    }

    /** {@code path} may end in a query ({@code ?a=1&b=2}, values already URL-encoded). */
    private static Invocation.Builder as(String token, String path) {
        String[] pathAndQuery = path.split("\\?", 2);
        WebTarget target = API.target(pathAndQuery[0]);
        if (pathAndQuery.length > 1) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] parameter = pair.split("=", 2);
                target = target.queryParam(parameter[0], parameter[1]);
            }
        }
        return target.request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    private static Map<String, Object> sync() {
        Response response = as(ACME_USER, PATH + "/sync").post(Entity.json(""));
        assertThat(response.getStatus()).isEqualTo(200);
        return body(response);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_sync_on_demand_reads_metas_templates_and_the_list_shows_them_with_when_they_were_read() {
        Map<String, Object> synced = sync();
        assertThat((List<Map<String, Object>>) synced.get("catalogues"))
                .singleElement()
                .satisfies(read -> assertThat(read)
                        .containsEntry("waba_id", ACME_ACCOUNT.value())
                        .containsEntry("synced_at", ApiFixture.NOW.toString())
                        .containsEntry("last_attempt_failed", false));

        Map<String, Object> list = body(as(ACME_USER, PATH).get());

        assertThat(list).containsEntry("returned", 2).containsEntry("next", null);
        Map<String, Object> first = ((List<Map<String, Object>>) list.get("templates")).get(0);
        assertThat(first)
                .containsEntry("name", "order_shipped")
                .containsEntry("language", "en_US")
                .containsEntry("status", "APPROVED")
                .containsEntry("sendable", true)
                .containsEntry("category", "MARKETING")
                .containsEntry("quality_score", "YELLOW");
        assertThat((List<Map<String, Object>>) first.get("components"))
                .containsExactly(
                        Map.of("type", "HEADER", "sub_type", "TEXT", "parameters", 1),
                        Map.of("type", "BODY", "parameters", 3),
                        Map.of("type", "BUTTON", "sub_type", "URL", "index", 0, "parameters", 1));
        assertThat(list.toString()).doesNotContain("EAAG-access-token-of-acme");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_list_pages_with_next_and_filters_by_status_and_language() {
        sync();

        Map<String, Object> firstPage = body(as(ACME_USER, PATH + "?limit=1").get());
        Map<String, Object> secondPage = body(
                as(ACME_USER, PATH + "?limit=1&after=" + firstPage.get("next")).get());
        Map<String, Object> paused =
                body(as(ACME_USER, PATH + "?status=PAUSED&language=pt_BR").get());

        assertThat(firstPage.get("next")).isNotNull();
        assertThat((List<Map<String, Object>>) secondPage.get("templates"))
                .extracting(t -> t.get("name"))
                .containsExactly("spring_sale");
        assertThat((List<Map<String, Object>>) paused.get("templates"))
                .extracting(t -> t.get("name"), t -> t.get("sendable"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spring_sale", false));
    }

    @Test
    @SuppressWarnings("unchecked")
    void
            meta_down_during_a_sync_keeps_the_catalogue_and_the_answer_says_when_it_was_read_and_that_the_attempt_failed() {
        sync();
        FIXTURE.templateMeta.failing(MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta could not be reached"));

        Map<String, Object> read = ((List<Map<String, Object>>) sync().get("catalogues")).get(0);

        assertThat(read)
                .containsEntry("synced_at", ApiFixture.NOW.toString())
                .containsEntry("last_attempt_failed", true)
                .containsEntry("last_failure", "META_UNAVAILABLE: Meta could not be reached");
        assertThat(body(as(ACME_USER, PATH).get())).containsEntry("returned", 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void one_template_is_found_by_name_and_language_and_an_unknown_one_is_404() {
        sync();

        Response found = as(ACME_USER, PATH + "/order_shipped/en_US").get();
        Response unknown = as(ACME_USER, PATH + "/order_shipped/pt_BR").get();

        assertThat(found.getStatus()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) body(found).get("templates"))
                .singleElement()
                .satisfies(t -> assertThat(t).containsEntry("waba_id", ACME_ACCOUNT.value()));
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(body(unknown).get("detail").toString()).contains("order_shipped", "pt_BR");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "?status=approved%20now",
                "?name=Order%20Shipped",
                "?language=english",
                "?after=next-page",
                "?limit=0",
                "?limit=101",
                "/Order_Shipped/en_US",
                "/order_shipped/EN"
            })
    void bad_input_is_422_naming_the_parameter_never_a_500(String query) {
        Response response = as(ACME_USER, PATH + query).get();

        assertThat(response.getStatus()).isIn(400, 422);
    }

    @Test
    void a_tenant_without_a_configuration_has_no_templates() {
        String nobody = Tokens.hs256(Tokens.user("nobody"));
        assertThat(as(nobody, PATH).get().getStatus()).isEqualTo(404);
        assertThat(as(nobody, PATH + "/sync").post(Entity.json("")).getStatus()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_sending_code_looks_up_a_template_of_the_numbers_account_with_each_components_parameter_count() {
        sync();

        Response response = as(
                        SERVICE,
                        "/api/v1/lookup/templates?phone_number_id=" + ACME_NUMBER + "&name=spring_sale&language=pt_BR")
                .get();

        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, Object> found = body(response);
        assertThat(found)
                .containsEntry("tenant_id", "acme")
                .containsEntry("waba_id", ACME_ACCOUNT.value())
                .containsEntry("status", "PAUSED")
                .containsEntry("sendable", false)
                .containsEntry("category", "MARKETING");
        assertThat((List<Map<String, Object>>) found.get("components"))
                .extracting(c -> c.get("parameters"))
                .containsExactly(1, 3, 1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "?name=order_shipped&language=en_US",
                "?phone_number_id=not-a-number&name=order_shipped&language=en_US",
                "?phone_number_id=1&language=en_US",
                "?phone_number_id=1&name=order_shipped",
                "?phone_number_id=1&name=Bad%20Name&language=en_US"
            })
    void a_lookup_with_bad_input_is_422_never_a_500(String query) {
        assertThat(as(SERVICE, "/api/v1/lookup/templates" + query).get().getStatus())
                .isEqualTo(422);
    }

    @Test
    void a_lookup_for_a_number_nobody_has_or_a_template_its_account_lacks_is_404() {
        sync();

        assertThat(as(SERVICE, "/api/v1/lookup/templates?phone_number_id=999000999&name=order_shipped&language=en_US")
                        .get()
                        .getStatus())
                .isEqualTo(404);
        assertThat(as(
                                SERVICE,
                                "/api/v1/lookup/templates?phone_number_id=" + ACME_NUMBER
                                        + "&name=welcome&language=en_US")
                        .get()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void an_admin_reads_a_tenants_templates_and_a_tenant_without_a_configuration_is_404() {
        sync();
        String admin = Tokens.hs256(Tokens.admin());

        Response listed = as(admin, "/api/v1/tenant/admin/tenants/acme/templates?status=PAUSED")
                .get();

        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(body(listed)).containsEntry("returned", 1);
        assertThat(as(admin, "/api/v1/tenant/admin/tenants/nobody/templates")
                        .get()
                        .getStatus())
                .isEqualTo(404);
        assertThat(as(admin, "/api/v1/tenant/admin/tenants/acme/templates?status=not%20a%20status")
                        .get()
                        .getStatus())
                .isEqualTo(422);
    }
}
