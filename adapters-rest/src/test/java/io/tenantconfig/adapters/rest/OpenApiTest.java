package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The served description lists every endpoint the resources declare, found by reflection. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiTest {

    static final ResourceExtension API = ApiFixture.withHs256().resources;

    private static final List<Class<?>> RESOURCES = List.of(
            TenantConfigResource.class,
            PhoneNumbersResource.class,
            BusinessProfileResource.class,
            AccountsResource.class,
            AdminAccountsResource.class,
            TemplatesResource.class,
            ResolvedConfigResource.class,
            LookupResource.class,
            HealthResource.class,
            AdminHealthResource.class,
            AdminEventsResource.class,
            HistoryResource.class,
            AdminResource.class,
            OnboardingResource.class,
            TemplateLookupResource.class,
            AdminTemplatesResource.class,
            AuthResource.class);

    /** "get /api/v1/tenant/config" for every resource method. */
    private static List<String> declaredEndpoints() {
        List<String> endpoints = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path path = method.getAnnotation(Path.class);
                        String full = base
                                + (path == null
                                        ? ""
                                        : path.value().startsWith("/") ? path.value() : "/" + path.value());
                        endpoints.add(http.value().toLowerCase(Locale.ROOT) + " " + full);
                    }
                }
            }
        }
        return endpoints;
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_endpoint_of_every_resource_is_described() {
        Map<String, Object> document =
                API.target("/api/v1/openapi.json").request().get(Map.class);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> described = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> described.add(method + " " + path)));

        assertThat(document.get("openapi").toString()).startsWith("3.");
        assertThat(declaredEndpoints())
                .hasSize(50)
                .allSatisfy(endpoint -> assertThat(described).contains(endpoint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/tenant/config/history", "/api/v1/tenant/admin/configs/audit"})
    @SuppressWarnings("unchecked")
    void the_audit_trails_describe_their_paging_parameters(String path) {
        Map<String, Object> document =
                API.target("/api/v1/openapi.json").request().get(Map.class);
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Map<String, Object>>) document.get("paths"))
                .get(path)
                .get("get");

        assertThat((List<Map<String, Object>>) get.get("parameters"))
                .filteredOn(parameter -> "query".equals(parameter.get("in")))
                .extracting(parameter -> parameter.get("name"))
                .contains("limit", "before");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_numbers_sync_is_described_with_its_states() {
        Map<String, Object> document =
                API.target("/api/v1/openapi.json").request().get(Map.class);
        Map<String, Map<String, Object>> schemas =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");

        Map<String, Map<String, Object>> number = (Map<String, Map<String, Object>>)
                schemas.get("PhoneNumberView").get("properties");
        assertThat(number).containsKey("sync");
        assertThat(schemas.get("SyncView").get("description").toString()).contains("smb_app_data");
        Map<String, Map<String, Object>> request =
                (Map<String, Map<String, Object>>) schemas.get("RequestView").get("properties");
        assertThat((List<String>) request.get("status").get("enum"))
                .containsExactly("pending", "requested", "failed", "expired");
        assertThat(request).containsKeys("requested_at", "request_id", "failures", "last_error");
    }

    @Test
    void the_description_needs_no_token() {
        assertThat(API.target("/api/v1/openapi.json").request().get().getStatus())
                .isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void request_bodies_are_described_field_by_field_as_plain_json_values() {
        Map<String, Object> document =
                API.target("/api/v1/openapi.json").request().get(Map.class);
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");

        Map<String, Map<String, Object>> config = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) schemas.get("ConfigRequest")).get("properties");
        assertThat(config).containsKeys("waba_id", "phone_number_id", "access_token", "verify_token", "is_active");
        assertThat(config.get("waba_id")).containsEntry("type", "string");
        assertThat(config.get("is_active")).containsEntry("type", "boolean");
        assertThat((Map<String, Object>) schemas.get("OnboardingRequest")).containsKey("properties");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_signup_session_is_described_with_the_accounts_it_named_and_metas_installs() {
        Map<String, Object> document =
                API.target("/api/v1/openapi.json").request().get(Map.class);
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");

        assertThat((Map<String, Object>) ((Map<String, Object>) schemas.get("SignupSessionView")).get("properties"))
                .containsKeys("requested_waba_ids", "waba_ids", "meta_installs");
        assertThat((Map<String, Object>) ((Map<String, Object>) schemas.get("MetaInstallView")).get("properties"))
                .containsOnlyKeys("event", "waba_id", "owner_business_id", "partner_app_id", "received_at");
    }
}
