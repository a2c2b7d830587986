package io.tenantconfig.adapters.rest;

import static io.tenantconfig.testing.MetaSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding.Call;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The signup sessions over HTTP: what the page reports when Meta's flow did not finish, each
 * onboarding call kept with its outcome, the tenant's list and the admins' pages and counts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignupSessionsResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String EVENTS = "/api/v1/tenant/onboard/signup-events";
    private static final String SESSIONS = "/api/v1/tenant/onboard/sessions";
    private static final String ADMIN = "/api/v1/tenant/admin/signup-sessions";
    private static final String CODE = SecretValues.secret("AQD-signup-code-for-sessions-77");

    @AfterEach
    void metaRecovers() {
        FIXTURE.meta.succeedsAgain();
        FIXTURE.clear();
    }

    private static Response post(String tenant, String path, String body) {
        return API.target(path)
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user(tenant)))
                .post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    private static Response get(WebTarget target, String token) {
        return target.request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sessionsOf(String tenant) {
        Response response = get(API.target(SESSIONS), Tokens.hs256(Tokens.user(tenant)));
        assertThat(response.getStatus()).isEqualTo(200);
        return (List<Map<String, Object>>) body(response).get("sessions");
    }

    @Test
    void a_cancel_the_page_reports_is_accepted_kept_and_listed_with_the_step_it_was_left_at() {
        List<String> metaCallsBefore = FIXTURE.meta.calls();

        Response response = post("cancel-co", EVENTS, "{\"event\":\"CANCEL\",\"current_step\":\"PHONE_NUMBER_SETUP\"}");

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(body(response)).isEqualTo(Map.of("recorded", true, "outcome", "cancelled"));
        assertThat(FIXTURE.meta.calls()).as("Meta is not called").isEqualTo(metaCallsBefore);
        List<Map<String, Object>> sessions = sessionsOf("cancel-co");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0))
                .containsEntry("tenant_id", "cancel-co")
                .containsEntry("event", "CANCEL")
                .containsEntry("outcome", "cancelled")
                .containsEntry("step", "PHONE_NUMBER_SETUP")
                .containsEntry("session_id", null)
                .containsEntry("waba_ids", List.of())
                .containsEntry("requested_waba_ids", List.of())
                .containsEntry("meta_installs", List.of())
                .containsEntry("started_at", ApiFixture.NOW.toString());
    }

    @Test
    void an_error_the_user_reported_in_metas_flow_is_kept_as_failed_with_metas_words_and_ids() {
        Response response = post(
                "error-co",
                EVENTS,
                "{\"event\":\"CANCEL\",\"error_message\":\"Your verification code is incorrect.\","
                        + "\"error_id\":\"524126\",\"session_id\":\"f34b51dab5e0498\","
                        + "\"timestamp\":\"1689202110\"}");

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(body(response)).containsEntry("outcome", "failed");
        assertThat(sessionsOf("error-co").get(0))
                .containsEntry("outcome", "failed")
                .containsEntry("step", "embedded_signup")
                .containsEntry("error_code", "524126")
                .containsEntry("error_message", "Your verification code is incorrect.")
                .containsEntry("session_id", "f34b51dab5e0498");
    }

    @ParameterizedTest(name = "{0} -> 422 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"event\":\"FINISH\",\"current_step\":\"X\"}|event",
                "{\"event\":\"cancel\",\"current_step\":\"X\"}|event",
                "{\"current_step\":\"X\"}|event",
                "{\"event\":[\"CANCEL\"],\"current_step\":\"X\"}|event",
                "{\"event\":\"CANCEL\"}|current_step",
                "{\"event\":\"CANCEL\",\"current_step\":5}|current_step",
                "{\"event\":\"CANCEL\",\"current_step\":{\"a\":1}}|current_step",
                "{\"event\":\"CANCEL\",\"current_step\":\"   \"}|current_step",
                "{\"event\":\"CANCEL\",\"current_step\":\"A\\u0000B\"}|current_step",
                "{\"event\":\"CANCEL\",\"current_step\":\"A\\nB\"}|current_step",
                "{\"event\":\"CANCEL\",\"current_step\":\"X\",\"error_message\":\"y\"}|error_message",
                "{\"event\":\"CANCEL\",\"current_step\":\"X\",\"error_id\":\"1\"}|error_id",
                "{\"event\":\"CANCEL\",\"error_message\":\"y\",\"error_id\":\"a b\"}|error_id",
                "{\"event\":\"CANCEL\",\"error_message\":\"y\",\"error_id\":\"1\",\"error_code\":\"2\"}|error_code",
                "{\"event\":\"CANCEL\",\"error_message\":\"y\",\"session_id\":\"x\\ny\"}|session_id",
                "{\"event\":\"CANCEL\",\"error_message\":\"y\",\"session_id\":true}|session_id",
                "{\"event\":\"CANCEL\",\"error_message\":\"y\",\"timestamp\":\"\\u0007\"}|timestamp",
                "{\"event\":\"CANCEL\",\"current_step\":\"X\",\"waba_id\":\"1\"}|waba_id",
            })
    void bad_input_is_422_naming_the_field_and_nothing_is_kept(String request, String field) {
        Response response = post("bad-input-co", EVENTS, request);

        assertThat(response.getStatus()).as(request).isEqualTo(422);
        assertThat(body(response).get("errors").toString()).as(request).contains("field=" + field);
        assertThat(FIXTURE.signupSessions.all()).as(request).isEmpty();
    }

    @Test
    void over_long_strings_are_422_naming_the_field() {
        String step = "S".repeat(SignupEventRequest.MOST_STEP + 1);
        String message = "m".repeat(SignupEventRequest.MOST_MESSAGE + 1);
        String id = "1".repeat(129);

        assertThat(body(post("long-co", EVENTS, "{\"event\":\"CANCEL\",\"current_step\":\"" + step + "\"}"))
                        .get("errors")
                        .toString())
                .contains("field=current_step");
        assertThat(body(post("long-co", EVENTS, "{\"event\":\"CANCEL\",\"error_message\":\"" + message + "\"}"))
                        .get("errors")
                        .toString())
                .contains("field=error_message");
        assertThat(body(post(
                                "long-co",
                                EVENTS,
                                "{\"event\":\"CANCEL\",\"error_message\":\"m\",\"session_id\":\"" + id + "\"}"))
                        .get("errors")
                        .toString())
                .contains("field=session_id");
        assertThat(FIXTURE.signupSessions.all()).isEmpty();
    }

    @Test
    void each_onboarding_call_is_a_session_a_failed_one_with_metas_words_and_never_the_code() {
        FIXTURE.meta.failsAt(
                Call.EXCHANGE,
                new MetaFailure(
                        MetaFailure.Kind.SIGNUP_CODE_REJECTED,
                        "This authorization code has been used.",
                        100,
                        36009,
                        "AgXyZ12fbtrace",
                        null));
        String signup = "{\"code\":\"" + CODE + "\",\"waba_id\":\"555000111\",\"phone_number_id\":\"777000222\","
                + "\"session_id\":\"74120398765\"}";
        assertThat(post("onboard-co", "/api/v1/tenant/onboard/whatsapp-client", signup)
                        .getStatus())
                .isEqualTo(400);
        FIXTURE.meta.succeedsAgain();
        assertThat(post("onboard-co", "/api/v1/tenant/onboard/whatsapp-client", signup)
                        .getStatus())
                .isEqualTo(200);

        List<Map<String, Object>> sessions = sessionsOf("onboard-co");
        assertThat(sessions).extracting(s -> s.get("outcome")).containsExactly("finished", "failed");
        assertThat(sessions.get(0))
                .containsEntry("waba_ids", List.of("555000111"))
                .containsEntry("phone_number_ids", List.of("777000222"))
                .containsEntry("session_id", "74120398765")
                .containsEntry("step", null);
        assertThat(sessions.get(1))
                .containsEntry("step", "exchange_code")
                .containsEntry("error_code", "100")
                .containsEntry("error_message", "This authorization code has been used.")
                .containsEntry("fbtrace_id", "AgXyZ12fbtrace")
                .containsEntry("requested_waba_ids", List.of("555000111"))
                .containsEntry("waba_ids", List.of())
                .containsEntry("meta_installs", List.of());
        assertThat(sessions.toString()).doesNotContain(CODE);
    }

    /** Meta's published "Partner app installed" example of the account_update webhook reference. */
    private static final String PARTNER_APP_INSTALLED = """
            {"object":"whatsapp_business_account","entry":[{"id":"2949482758682047","time":1745337174,
             "changes":[{"value":{"event":"PARTNER_APP_INSTALLED",
                                  "waba_info":{"waba_id":"1191624265890717",
                                               "owner_business_id":"2329417887457253",
                                               "partner_app_id":"5731794616896507",
                                               "solution_id":"1715120619246906",
                                               "solution_partner_business_ids":["2949482758682047","520744086200222"]}},
                         "field":"account_update"}]}]}""";

    @Test
    @SuppressWarnings("unchecked")
    void metas_install_for_the_account_of_a_failed_signup_shows_on_its_session_for_the_tenant_and_admins() {
        FIXTURE.meta.failsAt(
                Call.EXCHANGE,
                new MetaFailure(
                        MetaFailure.Kind.SIGNUP_CODE_REJECTED,
                        "This authorization code has expired.",
                        100,
                        36007,
                        "AgXyZ12fbtrace",
                        null));
        String signup = "{\"code\":\"" + CODE + "\",\"event\":\"FINISH_ONLY_WABA\",\"waba_id\":\"1191624265890717\"}";
        assertThat(post("install-co", "/api/v1/tenant/onboard/whatsapp-client", signup)
                        .getStatus())
                .isEqualTo(400);
        byte[] webhook = PARTNER_APP_INSTALLED.getBytes(StandardCharsets.UTF_8);

        Response received = API.target("/api/v1/webhooks/whatsapp")
                .request()
                .header("X-Hub-Signature-256", sign(SecretValues.secret("platform-app-secret-8888"), webhook))
                .post(Entity.entity(webhook, MediaType.APPLICATION_JSON));

        assertThat(received.getStatus()).isEqualTo(200);
        assertThat(body(received)).containsEntry("unroutable", 0);
        Map<String, Object> install = Map.of(
                "event", "PARTNER_APP_INSTALLED",
                "waba_id", "1191624265890717",
                "owner_business_id", "2329417887457253",
                "partner_app_id", "5731794616896507",
                "received_at", ApiFixture.NOW.toString());
        assertThat(sessionsOf("install-co"))
                .singleElement()
                .satisfies(session -> assertThat(session)
                        .containsEntry("outcome", "failed")
                        .containsEntry("step", "exchange_code")
                        .containsEntry("requested_waba_ids", List.of("1191624265890717"))
                        .containsEntry("waba_ids", List.of())
                        .containsEntry("meta_installs", List.of(install)));
        String admin = Tokens.hs256(Tokens.admin());
        assertThat((List<Map<String, Object>>) body(get(API.target(ADMIN).queryParam("tenant_id", "install-co"), admin))
                        .get("sessions"))
                .singleElement()
                .satisfies(session -> assertThat(session).containsEntry("meta_installs", List.of(install)));
        assertThat(body(get(API.target("/api/v1/tenant/admin/webhooks/unroutable"), admin))
                        .toString())
                .doesNotContain("1191624265890717");
        assertThat(sessionsOf("other-co")).isEmpty();
    }

    @Test
    void a_tenant_sees_only_its_own_sessions_newest_first() {
        post("own-co", EVENTS, "{\"event\":\"CANCEL\",\"current_step\":\"FIRST\"}");
        post("other-co", EVENTS, "{\"event\":\"CANCEL\",\"current_step\":\"OTHER\"}");
        post("own-co", EVENTS, "{\"event\":\"CANCEL\",\"current_step\":\"SECOND\"}");

        assertThat(sessionsOf("own-co")).extracting(s -> s.get("step")).containsExactly("SECOND", "FIRST");
        assertThat(get(API.target(SESSIONS).queryParam("limit", "0"), Tokens.hs256(Tokens.user("own-co")))
                        .getStatus())
                .isEqualTo(422);
    }

    @Test
    @SuppressWarnings("unchecked")
    void admins_page_through_every_tenants_sessions_by_outcome_and_tenant_and_read_the_counts() {
        String admin = Tokens.hs256(Tokens.admin());
        post("a-co", EVENTS, "{\"event\":\"CANCEL\",\"current_step\":\"ONE\"}");
        post("b-co", EVENTS, "{\"event\":\"CANCEL\",\"error_message\":\"broken\"}");
        post("b-co", EVENTS, "{\"event\":\"CANCEL\",\"current_step\":\"TWO\"}");

        Map<String, Object> first =
                body(get(API.target(ADMIN).queryParam("outcome", "cancelled").queryParam("limit", "1"), admin));
        assertThat(first).containsEntry("returned", 1);
        assertThat((List<Map<String, Object>>) first.get("sessions"))
                .extracting(s -> s.get("step"))
                .containsExactly("TWO");
        Map<String, Object> second = body(get(
                API.target(ADMIN)
                        .queryParam("outcome", "cancelled")
                        .queryParam("limit", "1")
                        .queryParam("after", first.get("next")),
                admin));
        assertThat((List<Map<String, Object>>) second.get("sessions"))
                .extracting(s -> s.get("step"))
                .containsExactly("ONE");
        assertThat(second).containsEntry("next", null);
        Map<String, Object> ofB = body(get(
                API.target(ADMIN).queryParam("tenant_id", "b-co").queryParam("since", "2026-03-01T00:00:00Z"), admin));
        assertThat((List<Map<String, Object>>) ofB.get("sessions"))
                .extracting(s -> s.get("outcome"))
                .containsExactly("cancelled", "failed");

        Map<String, Object> stats = body(get(API.target("/api/v1/tenant/admin/configs/stats"), admin));
        assertThat(stats.get("signups")).isEqualTo(Map.of("finished", 0, "cancelled", 2, "failed", 1, "days", 30));
    }

    @ParameterizedTest(name = "{0}={1} -> 422")
    @CsvSource({
        "outcome,succeeded",
        "outcome,FAILED",
        "since,yesterday",
        "since,2026-03-01T00:00:00",
        "after,abc",
        "after,-1",
        "tenant_id,a/b",
        "limit,0",
        "limit,101",
        "limit,x"
    })
    void bad_admin_parameters_are_422_naming_the_parameter(String parameter, String value) {
        Response response = get(API.target(ADMIN).queryParam(parameter, value), Tokens.hs256(Tokens.admin()));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).toString()).contains(parameter);
    }
}
