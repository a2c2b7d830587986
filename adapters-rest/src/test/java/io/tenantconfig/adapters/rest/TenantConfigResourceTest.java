package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class TenantConfigResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String GLOBEX_USER = Tokens.hs256(Tokens.user("globex"));

    @BeforeEach
    void empty() {
        FIXTURE.clear();
    }

    private static Invocation.Builder as(String token, String path) {
        return API.target(path).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static Entity<String> json(String body) {
        return Entity.entity(body, MediaType.APPLICATION_JSON);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(Map<String, Object> problem) {
        return (List<Map<String, String>>) problem.get("errors");
    }

    private static TenantConfig acmeConfig() {
        return FIXTURE.store.load(TenantId.of("acme")).orElseThrow();
    }

    @Test
    void a_tenant_creates_reads_and_updates_its_config_as_in_the_quick_start() {
        Response created = as(ACME_USER, "/api/v1/tenant/config")
                .post(json(
                        "{\"waba_id\":\"123456789\",\"phone_number_id\":\"987654321\",\"access_token\":\"EAAGsecret-xyz789\","
                                + "\"fb_app_secret\":\"app-secret-abc456\",\"verify_token\":\"my-verify-token\"}"));
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");

        Response read = as(ACME_USER, "/api/v1/tenant/config").get();
        Map<String, Object> config = body(read);
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(config)
                .containsEntry("tenant_id", "acme")
                .containsEntry("waba_id", "123456789")
                .containsEntry("access_token", "***z789")
                .containsEntry("fb_app_secret", "***c456")
                .containsEntry("verify_token", "my-verify-token")
                .containsEntry("is_active", true)
                .containsEntry("onboarding_completed", false)
                .containsEntry("version", 1);

        Response updated =
                as(ACME_USER, "/api/v1/tenant/config").put(json("{\"callback_url\":\"https://new-url.com/webhook\"}"));
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(updated.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(body(updated))
                .containsEntry("callback_url", "https://new-url.com/webhook")
                .containsEntry("access_token", "***z789");
        assertThat(acmeConfig().token().accessToken().reveal()).isEqualTo("EAAGsecret-xyz789");
    }

    @Test
    void the_config_response_has_every_field_of_the_contract() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        assertThat(body(as(ACME_USER, "/api/v1/tenant/config").get()))
                .containsOnlyKeys(
                        "id",
                        "tenant_id",
                        "user_id",
                        "waba_id",
                        "phone_number_id",
                        "business_id",
                        "display_phone_number",
                        "access_token",
                        "fb_app_id",
                        "fb_app_secret",
                        "refresh_token",
                        "callback_url",
                        "redirect_url",
                        "verify_token",
                        "token_expires_at",
                        "token_type",
                        "is_active",
                        "onboarding_completed",
                        "onboarded_at",
                        "onboarding_status",
                        "last_verified_at",
                        "created_at",
                        "updated_at",
                        "version",
                        "needs_phone_number");
    }

    @Test
    void a_tenant_without_a_config_gets_404_with_the_seed_message() {
        Response response = as(ACME_USER, "/api/v1/tenant/config").get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response)).containsEntry("detail", "Tenant configuration not found");
    }

    @Test
    void creating_a_second_config_gets_409_with_the_seed_message() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response =
                as(ACME_USER, "/api/v1/tenant/config").post(json("{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(body(response))
                .containsEntry("detail", "Configuration already exists for this tenant. Use PUT to update.");
    }

    @Test
    void every_invalid_value_is_named_in_one_422_without_echoing_it() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response = as(ACME_USER, "/api/v1/tenant/config")
                .put(
                        json(
                                "{\"waba_id\":\"12ab\","
                                        + "\"callback_url\":\"http://example.com/hook\",\"access_token\":\"***z789\","
                                        + "\"display_phone_number\":\"call me\",\"token_expires_at\":\"tomorrow\",\"is_active\":null}"));

        assertThat(response.getStatus()).isEqualTo(422);
        Map<String, Object> problem = body(response);
        assertThat(errors(problem))
                .containsExactlyInAnyOrder(
                        Map.of("field", "waba_id", "message", "waba_id must be 1 to 32 digits"),
                        Map.of(
                                "field",
                                "callback_url",
                                "message",
                                "callback_url must use https (http is accepted only for localhost)"),
                        Map.of(
                                "field",
                                "access_token",
                                "message",
                                "access_token is a masked value; send the secret itself, or leave the field out to keep it"),
                        Map.of(
                                "field",
                                "display_phone_number",
                                "message",
                                "display_phone_number must be 1 to 32 characters of digits, spaces and + ( ) - ."),
                        Map.of(
                                "field",
                                "token_expires_at",
                                "message",
                                "token_expires_at must be an ISO-8601 date-time with an offset, e.g. 2026-03-01T12:00:00Z"),
                        Map.of("field", "is_active", "message", "is_active must be true or false"));
        assertThat(problem.get("detail").toString()).startsWith("The request has invalid fields: ");
        assertThat(problem.toString())
                .doesNotContain("z789")
                .doesNotContain("12ab")
                .doesNotContain("call me");
        assertThat(acmeConfig().version()).as("nothing was stored").isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"callbak_url\":\"x\"}                          | callbak_url     | callbak_url is not a field of a tenant configuration",
                "{\"tenant_id\":\"globex\"}                       | tenant_id       | tenant_id is read-only and cannot be set",
                "{\"version\":9}                                  | version         | version is read-only and cannot be set",
                "{\"phone_number_id\":123}                        | phone_number_id | phone_number_id must be a string",
                "{\"access_token\":{\"value\":\"x\"}}             | access_token    | access_token must be a string",
                "{\"is_active\":\"yes\"}                          | is_active       | is_active must be true or false",
                "{\"is_active\":1}                                | is_active       | is_active must be true or false",
                "{\"verify_token\":\"a\",\"verify_token\":\"b\"} | verify_token    | verify_token is given more than once"
            })
    void a_field_the_body_cannot_have_is_named_in_a_422_and_nothing_is_stored(
            String body, String field, String message) {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response = as(ACME_USER, "/api/v1/tenant/config").put(json(body));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(errors(body(response))).containsExactly(Map.of("field", field, "message", message));
        assertThat(acmeConfig().version()).isEqualTo(1);
        assertThat(as(GLOBEX_USER, "/api/v1/tenant/config").post(json(body)).getStatus())
                .as("a create refuses it too")
                .isEqualTo(422);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"access_token\":\"EAAG-token-only\"}",
                "{\"waba_id\":\"123456789\"}",
                "{\"phone_number_id\":\"987654321\",\"display_phone_number\":\"+1 555-010-0000\"}",
                "{\"waba_id\":null,\"phone_number_id\":null}"
            })
    void a_create_with_any_subset_of_the_fields_answers_201_with_the_masked_config(String body) {
        Response response = as(ACME_USER, "/api/v1/tenant/config").post(json(body));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        Map<String, Object> config = body(response);
        assertThat(config)
                .containsEntry("tenant_id", "acme")
                .containsEntry("is_active", true)
                .containsEntry("onboarding_status", "NOT_STARTED")
                .containsEntry("version", 1);
        assertThat(config.toString()).doesNotContain("EAAG-token-only");
        assertThat(as(ACME_USER, "/api/v1/tenant/config").get().getStatus()).isEqualTo(200);
    }

    @Test
    void the_meta_ids_can_be_filled_in_after_an_empty_create() {
        as(ACME_USER, "/api/v1/tenant/config").post(json("{}"));

        Response updated = as(ACME_USER, "/api/v1/tenant/config")
                .put(json("{\"waba_id\":\"123456789\",\"phone_number_id\":\"987654321\"}"));

        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(body(updated))
                .containsEntry("waba_id", "123456789")
                .containsEntry("phone_number_id", "987654321")
                .containsEntry("version", 2);
    }

    @Test
    void a_post_without_a_body_is_422_naming_the_body() {
        Response response = as(ACME_USER, "/api/v1/tenant/config").post(Entity.entity("", MediaType.APPLICATION_JSON));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(errors(body(response))).extracting(e -> e.get("field")).containsExactly("body");
    }

    @Test
    void a_put_changes_only_the_fields_given_and_null_clears_an_optional_one() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        TenantConfig before = acmeConfig();

        Response response =
                as(ACME_USER, "/api/v1/tenant/config").put(json("{\"redirect_url\":null,\"verify_token\":\"new\"}"));

        assertThat(response.getStatus()).isEqualTo(200);
        TenantConfig after = acmeConfig();
        assertThat(after.callbacks().redirectUrl()).isNull();
        assertThat(after.callbacks().verifyToken().value()).isEqualTo("new");
        assertThat(after.callbacks().callbackUrl()).isEqualTo(before.callbacks().callbackUrl());
        assertThat(after.token()).isEqualTo(before.token());
    }

    @Test
    void a_token_expiry_with_any_offset_is_stored_as_that_instant_and_shown_in_utc() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response = as(ACME_USER, "/api/v1/tenant/config")
                .put(json("{\"token_expires_at\":\"2026-06-01T12:00:00+02:00\"}"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(acmeConfig().token().expiresAt()).isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
        assertThat(body(response)).containsEntry("token_expires_at", "2026-06-01T10:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4713-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "1969-12-31T23:59:59Z"})
    void a_token_expiry_outside_what_is_kept_is_422_naming_the_range_and_nothing_changes(String moment) {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        TenantConfig before = acmeConfig();

        Response response =
                as(ACME_USER, "/api/v1/tenant/config").put(json("{\"token_expires_at\":\"" + moment + "\"}"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors").toString())
                .contains("field=token_expires_at")
                .contains("token_expires_at must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        assertThat(acmeConfig()).isEqualTo(before);
    }

    @Test
    void if_match_with_the_current_etag_applies_and_a_stale_one_gets_412() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response current = as(ACME_USER, "/api/v1/tenant/config")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .put(json("{\"verify_token\":\"first\"}"));
        Response stale = as(ACME_USER, "/api/v1/tenant/config")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .put(json("{\"verify_token\":\"second\"}"));

        assertThat(current.getStatus()).isEqualTo(200);
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(acmeConfig().callbacks().verifyToken().value()).isEqualTo("first");
        assertThat(as(ACME_USER, "/api/v1/tenant/config")
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .delete()
                        .getStatus())
                .isEqualTo(412);
        assertThat(as(ACME_USER, "/api/v1/tenant/config/deactivate")
                        .header(HttpHeaders.IF_MATCH, "W/\"2\"")
                        .post(null)
                        .getStatus())
                .as("a weak tag never matches")
                .isEqualTo(412);
        assertThat(acmeConfig().active()).isTrue();
    }

    @Test
    void deactivating_and_activating_answer_with_the_config() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response off = as(ACME_USER, "/api/v1/tenant/config/deactivate").post(null);
        assertThat(off.getStatus()).isEqualTo(200);
        assertThat(body(off)).containsEntry("is_active", false);

        Response on = as(ACME_USER, "/api/v1/tenant/config/activate").post(null);
        assertThat(body(on)).containsEntry("is_active", true);
    }

    @Test
    void deleting_answers_204_and_the_config_is_gone() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        assertThat(as(ACME_USER, "/api/v1/tenant/config").delete().getStatus()).isEqualTo(204);
        assertThat(as(ACME_USER, "/api/v1/tenant/config").get().getStatus()).isEqualTo(404);
        assertThat(as(ACME_USER, "/api/v1/tenant/config").delete().getStatus()).isEqualTo(404);
    }

    @Test
    void a_tenant_never_reaches_another_tenants_config_whatever_it_sends() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response = API.target("/api/v1/tenant/config")
                .queryParam("tenant_id", "acme")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GLOBEX_USER)
                .header("X-Tenant-Id", "acme")
                .cookie("tenant_id", "acme")
                .get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(API.target("/api/v1/tenant/config")
                        .request()
                        .header("X-Tenant-Id", "acme")
                        .get()
                        .getStatus())
                .isEqualTo(401);
        assertThat(as(GLOBEX_USER, "/api/v1/tenant/config")
                        .put(json("{\"verify_token\":\"hijack\"}"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(acmeConfig().callbacks().verifyToken().value()).isEqualTo("verify-acme");
    }

    @Test
    void the_full_view_shows_secrets_to_a_service_and_is_never_cached() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response = as(Tokens.hs256(Tokens.user("acme", "service")), "/api/v1/tenant/config/full")
                .get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(body(response))
                .containsEntry("access_token", "EAAG-access-token-of-acme")
                .containsEntry("fb_app_secret", "app-secret-of-acme");
    }

    @Test
    void a_token_without_a_tenant_cannot_use_tenant_endpoints() {
        Response response =
                as(Tokens.hs256(Tokens.admin()), "/api/v1/tenant/config").get();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(body(response).get("detail").toString()).contains("does not name a tenant");
    }

    @Test
    void malformed_json_is_400_without_echoing_the_body() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response =
                as(ACME_USER, "/api/v1/tenant/config").put(json("{\"access_token\": \"EAAG-secret-value\""));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).toString()).doesNotContain("EAAG-secret-value");
    }

    @Test
    void a_body_that_is_not_an_object_is_422() {
        assertThat(as(ACME_USER, "/api/v1/tenant/config").post(json("[1,2]")).getStatus())
                .isEqualTo(422);
        assertThat(as(ACME_USER, "/api/v1/tenant/config").post(json("\"text\"")).getStatus())
                .isEqualTo(422);
    }

    @Test
    void a_duplicate_field_is_refused_rather_than_one_copy_silently_winning() {
        FIXTURE.insert(TestConfigs.aConfig("acme").build());

        Response response =
                as(ACME_USER, "/api/v1/tenant/config").put(json("{\"verify_token\":\"one\",\"verify_token\":\"two\"}"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(acmeConfig().callbacks().verifyToken().value()).isEqualTo("verify-acme");
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        Response response =
                as(ACME_USER, "/api/v1/tenant/config").post(Entity.entity("waba_id=1", MediaType.TEXT_PLAIN));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(body(response)).containsKey("detail");
    }

    @Test
    void a_body_over_64_kib_is_413() {
        String large = "{\"access_token\":\"" + "x".repeat(65 * 1024) + "\"}";

        Response response = as(ACME_USER, "/api/v1/tenant/config").post(json(large));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(body(response)).containsEntry("status", 413);
    }
}
