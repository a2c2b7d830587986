package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client is told when the request itself is wrong: every error is a problem document
 * ({@code detail}, {@code status}, {@code title}) that says what to change, in the API's words.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ErrorResponsesTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String ADMIN = Tokens.hs256(Tokens.admin());

    private static Invocation.Builder as(String token, String path) {
        return API.target(path).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(Response response) {
        assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        return response.readEntity(Map.class);
    }

    @Test
    void a_missing_role_is_named_whether_the_method_or_its_class_requires_it() {
        Response full = as(ACME_USER, "/api/v1/tenant/config/full").get();
        Response stats = as(ACME_USER, "/api/v1/tenant/admin/configs/stats").get();

        assertThat(full.getStatus()).isEqualTo(403);
        assertThat(problem(full)).containsEntry("detail", "This endpoint requires the role admin or service.");
        assertThat(stats.getStatus()).isEqualTo(403);
        assertThat(problem(stats))
                .containsEntry("detail", "This endpoint requires the role admin.")
                .containsEntry("title", "Forbidden");
    }

    @Test
    void a_method_the_path_does_not_have_is_405_naming_the_ones_it_has() {
        Response response = as(ACME_USER, "/api/v1/tenant/config/history").delete();

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("GET");
        assertThat(problem(response))
                .containsEntry("detail", "This method is not allowed here.")
                .containsEntry("title", "Method Not Allowed");
    }

    @Test
    void a_path_the_api_does_not_have_is_404() {
        Response response = as(ACME_USER, "/api/v1/tenant/nothing-here").get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(problem(response)).containsEntry("detail", "Not found.").containsEntry("status", 404);
    }

    @Test
    void a_body_that_is_not_json_is_415_saying_what_to_send() {
        Response response =
                as(ACME_USER, "/api/v1/tenant/config").post(Entity.entity("waba_id=1", MediaType.TEXT_PLAIN));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(problem(response))
                .containsEntry("detail", "The request body must be JSON (Content-Type: application/json).");
    }

    @Test
    void a_query_parameter_that_is_not_a_number_is_422_naming_it() {
        Response response = API.target("/api/v1/tenant/admin/configs/all")
                .queryParam("limit", "ten")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(problem(response))
                .containsEntry("detail", "The request has invalid parameters: limit.")
                .containsEntry("title", "Unprocessable Content")
                .containsEntry("errors", List.of(Map.of("field", "limit", "message", "must be a whole number")));
    }

    @Test
    void json_that_does_not_parse_is_400_giving_the_position() {
        Response response =
                as(ACME_USER, "/api/v1/tenant/config").post(Entity.json("{\n  \"waba_id\": \"123\",\n  oops\n}"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem(response))
                .containsEntry("detail", "The request body is not valid JSON (line 3, column 3).")
                .containsEntry("title", "Bad Request");
    }

    @Test
    void the_position_is_given_on_the_first_line_too() {
        Response response = as(ACME_USER, "/api/v1/tenant/config").post(Entity.json("{\"waba_id\": }"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem(response))
                .containsEntry("detail", "The request body is not valid JSON (line 1, column 13).");
    }

    @Test
    void an_unknown_field_is_named_in_full_up_to_64_characters_and_shortened_beyond() {
        String longest = "f".repeat(64);
        String tooLong = "g".repeat(65);

        Response named = as(ACME_USER, "/api/v1/tenant/config").post(Entity.json("{\"" + longest + "\":1}"));
        Response shortened = as(ACME_USER, "/api/v1/tenant/config").post(Entity.json("{\"" + tooLong + "\":1}"));

        assertThat(problem(named).get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", longest, "message", longest + " is not a field of a tenant configuration")));
        String shown = "g".repeat(64) + "...";
        assertThat(problem(shortened).get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", shown, "message", shown + " is not a field of a tenant configuration")));
    }
}
