package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding.Call;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the frontend is told after Embedded Signup: the seed's answer when it worked, and when it
 * did not, which step failed, Meta's own words and what the user can do next.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OnboardingResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String CODE = SecretValues.secret("AQD-one-time-signup-code");
    private static final String RESUME =
            " The access token is saved; continue with POST " + "/api/v1/tenant/onboard/whatsapp-client/resume.";

    @AfterEach
    void metaRecovers() {
        FIXTURE.meta.succeedsAgain();
        FIXTURE.clear();
    }

    private static Response onboard() {
        return API.target("/api/v1/tenant/onboard/whatsapp-client")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .post(Entity.entity(
                        "{\"code\":\"" + CODE + "\",\"waba_id\":\"555000111\",\"phone_number_id\":\"777000222\"}",
                        MediaType.APPLICATION_JSON));
    }

    private static Response resume() {
        return API.target("/api/v1/tenant/onboard/whatsapp-client/resume")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .post(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @Test
    void a_completed_signup_answers_as_the_earlier_service_did() {
        Response response = onboard();

        assertThat(response.getStatus()).isEqualTo(200);
        TenantConfig stored = FIXTURE.store.load(TenantId.of("acme")).orElseThrow();
        assertThat(body(response))
                .isEqualTo(Map.of(
                        "success", true,
                        "message", "WhatsApp Business account connected successfully",
                        "tenant_id", "acme",
                        "config_id", (int) stored.id(),
                        "waba_id", "555000111",
                        "phone_number_id", "777000222"));
    }

    @Test
    void resuming_a_completed_signup_says_there_was_nothing_left_to_do() {
        onboard();

        Response response = resume();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("success", true)
                .containsEntry("message", "Onboarding was already completed; nothing to resume")
                .containsEntry("waba_id", "555000111");
    }

    @Test
    void resuming_without_a_configuration_is_404_and_without_a_signup_to_finish_409() {
        assertThat(resume().getStatus()).isEqualTo(404);

        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        Response response = resume();

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(body(response))
                .containsEntry(
                        "detail",
                        "There is no onboarding to resume (status NOT_STARTED). Start the WhatsApp signup again.");
    }

    @Test
    void a_put_that_clears_the_token_of_a_stopped_signup_ends_it_and_resume_asks_for_a_new_one() {
        FIXTURE.meta.failsAt(Call.SUBSCRIBE, MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"));
        assertThat(onboard().getStatus()).isEqualTo(502);
        String token = "Bearer " + Tokens.hs256(Tokens.user("acme"));

        Response cleared = API.target("/api/v1/tenant/config")
                .request()
                .header(HttpHeaders.AUTHORIZATION, token)
                .put(Entity.json("{\"access_token\":null}"));

        assertThat(cleared.getStatus()).isEqualTo(200);
        assertThat(body(cleared))
                .containsEntry("onboarding_status", "REAUTHORIZATION_REQUIRED")
                .containsEntry("onboarding_completed", false)
                .containsEntry("access_token", null);
        FIXTURE.meta.succeedsAgain();
        Response resumed = resume();
        assertThat(resumed.getStatus()).isEqualTo(409);
        assertThat(body(resumed))
                .containsEntry(
                        "detail",
                        "There is no onboarding to resume (status REAUTHORIZATION_REQUIRED). Start the WhatsApp"
                                + " signup again.");
    }

    @Test
    void a_request_missing_its_code_and_ids_names_each_in_one_422_and_asks_meta_nothing() {
        int callsBefore = FIXTURE.meta.calls().size();
        Response response = API.target("/api/v1/tenant/onboard/whatsapp-client")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .post(Entity.json("{\"waba_id\":\"not-digits\"}"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("errors"))
                .isEqualTo(List.of(
                        Map.of("field", "code", "message", "code is required"),
                        Map.of("field", "waba_id", "message", "waba_id must be 1 to 32 digits"),
                        Map.of("field", "phone_number_id", "message", "phone_number_id is required")));
        assertThat(FIXTURE.meta.calls()).hasSize(callsBefore);
    }

    private static Response acmeGets(String path) {
        return API.target(path)
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .get();
    }

    /** The calls Meta got since {@code before} of them. */
    private static List<String> metaCallsSince(int before) {
        return FIXTURE.meta.calls().subList(before, FIXTURE.meta.calls().size());
    }

    private static Response onboard(String body) {
        return API.target("/api/v1/tenant/onboard/whatsapp-client")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .post(Entity.json(body));
    }

    @Test
    void a_signup_that_finished_without_a_number_answers_200_with_no_number_and_says_to_add_one() {
        int callsBefore = FIXTURE.meta.calls().size();
        // Meta's session info for this outcome carries the account and the business, no number.
        Response response = onboard("{\"code\":\"" + CODE + "\",\"event\":\"FINISH_ONLY_WABA\","
                + "\"waba_id\":\"555000111\",\"business_id\":\"4022399384699\",\"session_id\":\"1234567890123456\"}");

        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, Object> answer = body(response);
        assertThat(answer)
                .containsEntry("success", true)
                .containsEntry("waba_id", "555000111")
                .containsEntry("phone_number_id", null)
                .containsEntry(
                        "message",
                        "WhatsApp Business account connected successfully; it has no phone number yet: add one with"
                                + " POST /api/v1/tenant/config/phone-numbers");
        assertThat(metaCallsSince(callsBefore)).noneMatch(call -> call.startsWith("register"));
        assertThat(FIXTURE.store
                        .load(TenantId.of("acme"))
                        .orElseThrow()
                        .phoneNumbers()
                        .size())
                .isZero();
        assertThat(body(acmeGets("/api/v1/tenant/config")))
                .containsEntry("needs_phone_number", true)
                .containsEntry("phone_number_id", null)
                .containsEntry("waba_id", "555000111");
    }

    @Test
    void a_whatsapp_business_app_signup_answers_with_its_number_and_never_registers_it() {
        int callsBefore = FIXTURE.meta.calls().size();
        Response response = onboard("{\"code\":\"" + CODE + "\",\"event\":\"FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING\","
                + "\"waba_id\":\"555000111\",\"phone_number_id\":\"777000222\"}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("phone_number_id", "777000222")
                .containsEntry(
                        "message",
                        "WhatsApp Business account connected successfully; its number stays registered with the"
                                + " WhatsApp Business app (coexistence)");
        assertThat(metaCallsSince(callsBefore)).noneMatch(call -> call.startsWith("register"));
        assertThat(acmeGets("/api/v1/tenant/config/phone-numbers").readEntity(String.class))
                .contains("\"coexistence\":true");
    }

    @Test
    void an_event_that_is_not_a_finish_and_numbers_that_contradict_it_are_named_in_a_422_and_meta_is_asked_nothing() {
        Map<String, String> refused = Map.of(
                "{\"code\":\"AQD-code\",\"event\":\"CANCEL\",\"waba_id\":\"555000111\"}",
                "event",
                "{\"code\":\"AQD-code\",\"event\":\"FINISH\",\"waba_id\":\"555000111\"}",
                "phone_number_id",
                "{\"code\":\"AQD-code\",\"event\":\"FINISH_ONLY_WABA\",\"waba_id\":\"555000111\","
                        + "\"phone_number_id\":\"777000222\"}",
                "phone_number_id",
                "{\"code\":\"AQD-code\",\"event\":\"FINISH\",\"waba_id\":\"555000111\","
                        + "\"phone_number_id\":\"777000222\",\"session_id\":\"a b\"}",
                "session_id",
                "{\"code\":\"AQD-code\",\"event\":7,\"waba_id\":\"555000111\"}",
                "event");
        int callsBefore = FIXTURE.meta.calls().size();
        refused.forEach((request, field) -> {
            Response response = onboard(request);

            assertThat(response.getStatus()).as(request).isEqualTo(422);
            assertThat(body(response).get("errors").toString()).as(request).contains("field=" + field);
        });
        Response cancel = onboard("{\"code\":\"AQD-code\",\"event\":\"CANCEL\",\"waba_id\":\"555000111\"}");
        assertThat(body(cancel).get("errors").toString())
                .contains(
                        "event must be one of [FINISH, FINISH_ONLY_WABA, FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING] (a signup"
                                + " that did not finish goes to POST /api/v1/tenant/onboard/signup-events)");
        assertThat(FIXTURE.meta.calls()).hasSize(callsBefore);
        assertThat(FIXTURE.store.load(TenantId.of("acme"))).isEmpty();
    }

    @Test
    void shared_accounts_that_are_not_ids_or_too_many_are_named_in_one_422_and_meta_is_asked_nothing() {
        String tooMany = IntStream.rangeClosed(1, 101)
                .mapToObj(i -> "\"" + (9000 + i) + "\"")
                .collect(Collectors.joining(","));
        int callsBefore = FIXTURE.meta.calls().size();
        for (String wabaIds : List.of("[\"1234\", \"abc\"]", "[null]", "[" + tooMany + "]")) {
            Response response = API.target("/api/v1/tenant/onboard/whatsapp-client")
                    .request()
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                    .post(Entity.json("{\"code\":\"AQD-code\",\"waba_id\":\"555000111\","
                            + "\"phone_number_id\":\"777000222\",\"waba_ids\":" + wabaIds + "}"));

            assertThat(response.getStatus()).as(wabaIds).isEqualTo(422);
            assertThat(body(response).get("errors").toString()).as(wabaIds).contains("field=waba_ids");
        }
        assertThat(FIXTURE.meta.calls()).hasSize(callsBefore);
    }

    @Test
    void a_configuration_deleted_while_meta_works_is_409_asking_to_check_and_retry() {
        FIXTURE.meta.meanwhile(Call.SUBSCRIBE, FIXTURE::clear);

        Response response = onboard();

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(body(response).get("detail").toString())
                .startsWith("The configuration was changed or deleted by another request while onboarding ran.");
    }

    static Stream<Arguments> failures() {
        MetaFailure codeRejected = new MetaFailure(
                Kind.SIGNUP_CODE_REJECTED, "Invalid verification code format", 100, 36007, "Ab12", null);
        MetaFailure appRefused =
                new MetaFailure(Kind.TOKEN_INVALID, "Error validating client secret", 190, null, "Cd34", null);
        MetaFailure tokenRevoked = new MetaFailure(Kind.TOKEN_INVALID, "Session has expired", 190, 463, null, null);
        MetaFailure limited = new MetaFailure(
                Kind.RATE_LIMITED, "Application request limit reached", 4, null, "Ef56", Duration.ofSeconds(30));
        return Stream.of(
                Arguments.of(
                        Call.EXCHANGE,
                        codeRejected,
                        400,
                        "Meta rejected the signup code: Invalid verification code format (fbtrace_id: Ab12). A code is"
                                + " valid for about 30 seconds and only once: please restart the WhatsApp signup."),
                Arguments.of(
                        Call.EXCHANGE,
                        appRefused,
                        502,
                        "Meta's Graph API refused this platform's app credentials while exchanging the signup code"
                                + " for a token: Error validating client secret (fbtrace_id: Cd34). Nothing was stored; an"
                                + " operator has to check FB_APP_ID and FB_APP_SECRET."),
                Arguments.of(
                        Call.EXCHANGE,
                        MetaFailure.of(Kind.REJECTED, "Unsupported request"),
                        502,
                        "Meta's Graph API refused the request while exchanging the signup code for a token:"
                                + " Unsupported request. Nothing was stored; try the WhatsApp signup again."),
                Arguments.of(
                        Call.EXCHANGE,
                        MetaFailure.of(Kind.META_UNAVAILABLE, "Meta answered HTTP 500 without its error JSON"),
                        502,
                        "Meta's Graph API failed while exchanging the signup code for a token: Meta answered HTTP 500"
                                + " without its error JSON. Nothing was stored; try the WhatsApp signup again."),
                Arguments.of(
                        Call.INSPECT,
                        tokenRevoked,
                        400,
                        "Meta no longer accepts the access token (while checking the token with Meta): Session has"
                                + " expired. Please run the WhatsApp signup again to re-authorize."),
                Arguments.of(
                        Call.SUBSCRIBE,
                        MetaFailure.of(Kind.META_UNAVAILABLE, "Service temporarily unavailable"),
                        502,
                        "Meta's Graph API failed while subscribing the app to the WhatsApp Business Account: Service"
                                + " temporarily unavailable." + RESUME),
                Arguments.of(
                        Call.SUBSCRIBE,
                        limited,
                        429,
                        "Meta is rate limiting requests (while subscribing the app to the WhatsApp Business Account):"
                                + " Application request limit reached (fbtrace_id: Ef56). Try again in 30 seconds."
                                + RESUME),
                Arguments.of(
                        Call.REGISTER,
                        MetaFailure.of(Kind.TIMEOUT, "Meta did not answer within 500 ms"),
                        504,
                        "Meta's Graph API did not answer in time while registering the phone number: Meta did not"
                                + " answer within 500 ms." + RESUME));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failures")
    void a_failure_at_meta_says_which_step_failed_why_and_what_to_do(
            Call call, MetaFailure failure, int status, String detail) {
        FIXTURE.meta.failsAt(call, failure);

        Response response = onboard();

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo(status == 429 ? "30" : null);
        assertThat(body(response)).containsEntry("detail", detail).containsEntry("status", status);
    }
}
