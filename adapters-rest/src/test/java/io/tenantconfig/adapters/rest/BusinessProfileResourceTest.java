package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.profile.BusinessProfile;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A number's business profile through the API: read through to Meta and kept, the kept one
 * answered while Meta is down with when it was read; changed within Meta's limits (422 by field
 * before Meta is asked), audited. Meta's profile is its Business Profiles reference's example
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BusinessProfileResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String NUMBER = TestConfigs.phoneNumberIdOf("acme");
    private static final String PROFILE = "/api/v1/tenant/config/phone-numbers/" + NUMBER + "/profile";
    private static final BusinessProfile BUTTERFLIES = new BusinessProfile(
            "My Butterfly Business sells butterflies",
            "101 Butterfly Ln., Butterfly, Ohio",
            "We sell butterflies.",
            "butterflies@butterflies.com",
            List.of("https://www.butterflies.com/", "https://www.butterflies.com/amea/"),
            "INDUSTRY",
            "2:c2FtcGxl...");

    private int auditedBefore;

    @BeforeEach
    void acmeHasANumberMetaKnowsTheProfileOf() {
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        FIXTURE.insert(TestConfigs.aConfig("globex").build());
        FIXTURE.keptProfiles.clear();
        FIXTURE.metaProfiles.reset();
        FIXTURE.metaProfiles.holds(MetaId.parse(NUMBER), BUTTERFLIES);
        auditedBefore = FIXTURE.store.auditTrail().size();
    }

    private static Invocation.Builder as(String token, String path) {
        return API.target(path).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static Response patch(String body) {
        return as(ACME_USER, PROFILE).method("PATCH", Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsAtFault(Response response) {
        assertThat(response.getStatus()).isEqualTo(422);
        return ((List<Map<String, String>>) body(response).get("errors"))
                .stream().map(error -> error.get("field")).toList();
    }

    private List<AuditAction> audited() {
        List<AuditRecord> trail = FIXTURE.store.auditTrail();
        return trail.subList(auditedBefore, trail.size()).stream()
                .map(record -> record.entry().action())
                .toList();
    }

    @Test
    void the_profile_is_metas_answer_read_now() {
        Response response = as(ACME_USER, PROFILE).get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("phone_number_id", NUMBER)
                .containsEntry("about", "My Butterfly Business sells butterflies")
                .containsEntry("websites", List.of("https://www.butterflies.com/", "https://www.butterflies.com/amea/"))
                .containsEntry("profile_picture_url", "2:c2FtcGxl...")
                .containsEntry("read_at", ApiFixture.NOW.toString())
                .containsEntry("source", "meta")
                .containsEntry("meta_error", null);
    }

    @Test
    void while_meta_is_down_the_kept_profile_is_answered_with_when_it_was_read_and_why_not_now() {
        as(ACME_USER, PROFILE).get().close();
        FIXTURE.metaProfiles.readsFail(new MetaFailure(
                MetaFailure.Kind.META_UNAVAILABLE,
                "An unexpected error has occurred. Please retry your request later.",
                2,
                null,
                "AqX1b2C3d4",
                null));

        Response response = as(ACME_USER, PROFILE).get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("about", "My Butterfly Business sells butterflies")
                .containsEntry("read_at", ApiFixture.NOW.toString())
                .containsEntry("source", "kept")
                .containsEntry(
                        "meta_error",
                        "An unexpected error has occurred. Please retry your request later. (fbtrace_id: AqX1b2C3d4)");
    }

    @Test
    void with_meta_down_and_nothing_kept_the_answer_is_metas_failure() {
        FIXTURE.metaProfiles.readsFail(
                MetaFailure.of(MetaFailure.Kind.TIMEOUT, "Meta did not answer within 5 seconds"));

        Response response = as(ACME_USER, PROFILE).get();

        assertThat(response.getStatus()).isEqualTo(504);
        assertThat(body(response).get("detail").toString()).contains("No profile was kept");
    }

    @Test
    void a_change_reaches_meta_is_audited_and_answered_as_meta_has_it_now() {
        Response response =
                patch("{\"about\": \"Succulent specialists!\", \"websites\": [\"https://www.luckyshrub.com\"],"
                        + " \"vertical\": \"RETAIL\", \"email\": \"lucky@luckyshrub.com\"}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("about", "Succulent specialists!")
                .containsEntry("address", "101 Butterfly Ln., Butterfly, Ohio")
                .containsEntry("websites", List.of("https://www.luckyshrub.com"))
                .containsEntry("vertical", "RETAIL")
                .containsEntry("source", "meta");
        assertThat(audited()).containsExactly(AuditAction.BUSINESS_PROFILE_CHANGED);
        assertThat(FIXTURE.store
                        .auditTrail()
                        .get(FIXTURE.store.auditTrail().size() - 1)
                        .entry()
                        .fields())
                .containsExactlyInAnyOrder(
                        "phone_numbers." + NUMBER + ".profile.about",
                        "phone_numbers." + NUMBER + ".profile.websites",
                        "phone_numbers." + NUMBER + ".profile.vertical",
                        "phone_numbers." + NUMBER + ".profile.email");
    }

    @Test
    void a_change_beyond_metas_limits_is_422_naming_every_field_and_meta_is_not_asked() {
        Response response = patch("{\"about\": \"" + "a".repeat(140) + "\", \"address\": \"" + "b".repeat(257)
                + "\", \"description\": \"" + "c".repeat(513) + "\", \"email\": \"not-an-email\","
                + " \"websites\": [\"https://a.example\", \"www.b.example\", \"https://c.example\"],"
                + " \"vertical\": \"SHOPS\"}");

        assertThat(fieldsAtFault(response))
                .containsExactlyInAnyOrder(
                        "about", "address", "description", "email", "vertical", "websites", "websites[1]");
        assertThat(FIXTURE.metaProfiles.calls()).isEmpty();
        assertThat(audited()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{}",
                "{\"about\": null}",
                "{\"about\": 7}",
                "{\"websites\": \"https://a.example\"}",
                "{\"websites\": [null]}",
                "{\"profile_picture_url\": \"https://a.example/p.jpg\"}",
                "{\"name\": \"Acme\"}"
            })
    void bad_input_is_answered_as_such_never_with_a_500(String body) {
        int status = patch(body).getStatus();

        assertThat(status).isBetween(400, 499);
        assertThat(FIXTURE.metaProfiles.calls()).isEmpty();
    }

    @Test
    void a_change_meta_refuses_is_answered_in_its_words_and_not_audited() {
        FIXTURE.metaProfiles.changesFail(
                new MetaFailure(MetaFailure.Kind.REJECTED, "(#100) Invalid parameter", 100, null, "AQ8vXk3Zq", null));

        Response response = patch("{\"about\": \"Succulent specialists!\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("detail").toString())
                .contains("Meta refused the request while changing the business profile: (#100) Invalid parameter")
                .contains("AQ8vXk3Zq")
                .contains("Nothing was changed");
        assertThat(audited()).isEmpty();
    }

    @Test
    void another_tenants_number_is_404_and_meta_is_not_asked() {
        String globex = "/api/v1/tenant/config/phone-numbers/" + TestConfigs.phoneNumberIdOf("globex") + "/profile";

        assertThat(as(ACME_USER, globex).get().getStatus()).isEqualTo(404);
        assertThat(as(ACME_USER, globex)
                        .method("PATCH", Entity.entity("{\"about\": \"Mine\"}", MediaType.APPLICATION_JSON))
                        .getStatus())
                .isEqualTo(404);
        assertThat(as(ACME_USER, "/api/v1/tenant/config/phone-numbers/not-a-number/profile")
                        .get()
                        .getStatus())
                .isEqualTo(404);
        assertThat(FIXTURE.metaProfiles.calls()).isEmpty();
    }
}
