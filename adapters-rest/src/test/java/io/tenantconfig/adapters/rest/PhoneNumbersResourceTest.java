package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberVerification;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
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
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /api/v1/tenant/config/phone-numbers}: every endpoint, and every way a request can be refused. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PhoneNumbersResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String NUMBERS = "/api/v1/tenant/config/phone-numbers";
    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String GLOBEX_USER = Tokens.hs256(Tokens.user("globex"));
    private static final String SUPPORT = TestConfigs.phoneNumberIdOf("acme");

    @BeforeEach
    void acmeHasOneNumber() {
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        FIXTURE.insert(TestConfigs.aConfig("globex").build());
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
    private static List<Map<String, Object>> numbers(Response response) {
        return (List<Map<String, Object>>) body(response).get("phone_numbers");
    }

    private static TenantConfig acme() {
        return FIXTURE.store.load(TenantId.of("acme")).orElseThrow();
    }

    private static Response add(String body) {
        return as(ACME_USER, NUMBERS).post(json(body));
    }

    private static Response patch(String id, String body) {
        return as(ACME_USER, NUMBERS + "/" + id).method("PATCH", json(body));
    }

    private static List<AuditAction> auditActions() {
        return FIXTURE.store.auditTrail().stream()
                .map(AuditRecord::entry)
                .map(entry -> entry.action())
                .toList();
    }

    /** Acme's number is a WhatsApp Business app's, its contacts requested and its history refused by Meta once. */
    private static void acmeIsACoexistenceNumberWithItsSyncHalfDone() {
        TenantConfig plain = acme();
        PhoneNumber number = plain.phoneNumbers().all().get(0);
        PhoneNumber coexisting = new PhoneNumber(
                number.id(),
                number.wabaId(),
                number.displayNumber(),
                number.verifiedName(),
                number.label(),
                true,
                null,
                null,
                true,
                NumberVerification.VERIFIED);
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.from(plain)
                .phoneNumbers(new PhoneNumbers(List.of(coexisting), coexisting.id()))
                .build());
        FIXTURE.insert(TestConfigs.aConfig("globex").build());
        Instant signedUp = Instant.parse("2026-03-01T09:00:00Z");
        AppDataSync sync = AppDataSync.requestedBy(
                        new DomainEvent.TokenExchanged(TenantId.of("acme"), Set.of(), coexisting.id()), signedUp)
                .orElseThrow();
        FIXTURE.store.inTransaction(tx -> {
            tx.requestAppDataSync(sync);
            return null;
        });
        FIXTURE.store.save(sync.accepted(AppDataSync.Kind.CONTACTS, "8412954012345678", signedUp.plusSeconds(1))
                .failed(AppDataSync.Kind.HISTORY, "(#131000) Something went wrong", signedUp.plusSeconds(31)));
    }

    @Test
    void a_coexistence_number_shows_where_the_sync_of_its_apps_contacts_and_history_stands() {
        acmeIsACoexistenceNumberWithItsSyncHalfDone();

        Map<String, Object> listed = numbers(as(ACME_USER, NUMBERS).get()).get(0);
        Map<String, Object> one = body(as(ACME_USER, NUMBERS + "/" + SUPPORT).get());

        for (Map<String, Object> number : List.of(listed, one)) {
            assertThat(number).containsEntry("coexistence", true);
            @SuppressWarnings("unchecked")
            Map<String, Object> sync = (Map<String, Object>) number.get("sync");
            assertThat(sync)
                    .containsEntry("window_ends_at", "2026-03-02T09:00:00Z")
                    .containsEntry("next_attempt_at", "2026-03-01T09:00:31Z");
            @SuppressWarnings("unchecked")
            Map<String, Object> contacts = (Map<String, Object>) sync.get("contacts");
            assertThat(contacts)
                    .containsEntry("status", "requested")
                    .containsEntry("requested_at", "2026-03-01T09:00:01Z")
                    .containsEntry("request_id", "8412954012345678")
                    .containsEntry("failures", 0)
                    .containsEntry("last_error", null);
            @SuppressWarnings("unchecked")
            Map<String, Object> history = (Map<String, Object>) sync.get("history");
            assertThat(history)
                    .containsEntry("status", "failed")
                    .containsEntry("requested_at", null)
                    .containsEntry("request_id", null)
                    .containsEntry("failures", 1)
                    .containsEntry("last_error", "(#131000) Something went wrong");
        }
    }

    @Test
    void a_number_that_is_not_a_whatsapp_business_apps_has_no_sync() {
        Map<String, Object> number = numbers(as(ACME_USER, NUMBERS).get()).get(0);

        assertThat(number).containsEntry("coexistence", false).doesNotContainKey("sync");
    }

    @Test
    void another_tenants_sync_is_never_shown_and_no_token_appears_in_it() {
        acmeIsACoexistenceNumberWithItsSyncHalfDone();

        Response globex = as(GLOBEX_USER, NUMBERS).get();
        assertThat(numbers(globex).get(0)).doesNotContainKey("sync");
        assertThat(as(GLOBEX_USER, NUMBERS + "/" + SUPPORT).get().getStatus()).isEqualTo(404);
        assertThat(API.target(NUMBERS).request().get().getStatus()).isEqualTo(401);
        String answer = as(ACME_USER, NUMBERS).get().readEntity(String.class);
        assertThat(answer)
                .doesNotContain(acme().primaryAccount().token().accessToken().reveal());
    }

    @Test
    void a_tenant_holds_three_numbers_and_the_single_number_calls_still_answer_for_the_default() {
        assertThat(add("{\"phone_number_id\":\"5550002\",\"display_phone_number\":\"+1 555-0002\",\"label\":\"Sales\"}")
                        .getStatus())
                .isEqualTo(201);
        assertThat(add("{\"phone_number_id\":\"5550003\"}").getStatus()).isEqualTo(201);

        Response listed = as(ACME_USER, NUMBERS).get();

        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"3\"");
        List<Map<String, Object>> numbers = numbers(listed);
        assertThat(numbers).extracting(n -> n.get("phone_number_id")).containsExactly(SUPPORT, "5550002", "5550003");
        assertThat(numbers.get(1))
                .containsEntry("display_phone_number", "+1 555-0002")
                .containsEntry("label", "Sales")
                .containsEntry("is_default", false)
                .containsEntry("is_active", true)
                .containsEntry("verified_name", null)
                .containsEntry("registered_at", null)
                .containsEntry("waba_id", TestConfigs.wabaIdOf("acme"))
                .doesNotContainKey("registration_pin");
        assertThat(numbers.get(0)).containsEntry("is_default", true);
        Map<String, Object> config = body(as(ACME_USER, "/api/v1/tenant/config").get());
        assertThat(config)
                .containsEntry("phone_number_id", SUPPORT)
                .containsEntry("display_phone_number", "+1 555-010-0000")
                .doesNotContainKey("phone_numbers");
    }

    @Test
    void adding_answers_201_with_the_number_where_it_lives_and_the_new_etag_and_is_audited() {
        Response added = as(ACME_USER, NUMBERS)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .post(json("{\"phone_number_id\":\"5550002\",\"label\":\"Sales\"}"));

        assertThat(added.getStatus()).isEqualTo(201);
        assertThat(added.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(added.getLocation().getPath()).isEqualTo(NUMBERS + "/5550002");
        assertThat(body(added)).containsEntry("phone_number_id", "5550002").containsEntry("label", "Sales");
        assertThat(auditActions()).endsWith(AuditAction.PHONE_NUMBER_ADDED);
        assertThat(FIXTURE.store
                        .auditTrail()
                        .get(FIXTURE.store.auditTrail().size() - 1)
                        .entry()
                        .fields())
                .containsExactly("phone_numbers.5550002");
    }

    @Test
    void one_number_is_read_by_its_id() {
        Response read = as(ACME_USER, NUMBERS + "/" + SUPPORT).get();

        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        assertThat(body(read))
                .containsEntry("phone_number_id", SUPPORT)
                .containsEntry("label", "Support")
                .containsEntry("is_default", true);
    }

    @Test
    void making_another_number_the_default_changes_what_the_single_number_fields_mean() {
        add("{\"phone_number_id\":\"5550002\"}");

        Response patched = patch("5550002", "{\"is_default\":true}");

        assertThat(patched.getStatus()).isEqualTo(200);
        assertThat(body(patched)).containsEntry("is_default", true);
        assertThat(body(as(ACME_USER, NUMBERS + "/" + SUPPORT).get())).containsEntry("is_default", false);
        assertThat(body(as(ACME_USER, "/api/v1/tenant/config").get())).containsEntry("phone_number_id", "5550002");
        assertThat(auditActions()).endsWith(AuditAction.PHONE_NUMBER_CHANGED);
    }

    @Test
    void a_label_and_the_use_of_a_number_can_be_changed_and_the_label_cleared() {
        Response relabelled = patch(SUPPORT, "{\"label\":\"Help desk\",\"is_active\":false}");
        Response cleared = as(ACME_USER, NUMBERS + "/" + SUPPORT)
                .method("PATCH", Entity.entity("{\"label\":null}", "application/merge-patch+json"));

        assertThat(relabelled.getStatus()).isEqualTo(200);
        assertThat(body(relabelled)).containsEntry("label", "Help desk").containsEntry("is_active", false);
        assertThat(cleared.getStatus()).isEqualTo(200);
        assertThat(body(cleared)).containsEntry("label", null).containsEntry("is_active", false);
    }

    @Test
    void removing_a_number_answers_204_and_the_default_goes_only_when_it_is_the_last() {
        add("{\"phone_number_id\":\"5550002\"}");

        Response refused = as(ACME_USER, NUMBERS + "/" + SUPPORT).delete();
        Response removed = as(ACME_USER, NUMBERS + "/5550002").delete();
        Response last = as(ACME_USER, NUMBERS + "/" + SUPPORT).delete();

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(body(refused).get("detail").toString())
                .contains("default")
                .contains("make another number the default");
        assertThat(removed.getStatus()).isEqualTo(204);
        assertThat(removed.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"3\"");
        assertThat(last.getStatus()).isEqualTo(204);
        assertThat(numbers(as(ACME_USER, NUMBERS).get())).isEmpty();
        assertThat(body(as(ACME_USER, "/api/v1/tenant/config").get())).containsEntry("phone_number_id", null);
    }

    @Test
    void a_number_of_another_tenant_is_409_without_saying_whose_and_nothing_changes() {
        String globexNumber = TestConfigs.phoneNumberIdOf("globex");

        Response taken = add("{\"phone_number_id\":\"" + globexNumber + "\"}");
        Response viaPut =
                as(ACME_USER, "/api/v1/tenant/config").put(json("{\"phone_number_id\":\"" + globexNumber + "\"}"));
        Response viaCreate = as(Tokens.hs256(Tokens.user("initech")), "/api/v1/tenant/config")
                .post(json("{\"phone_number_id\":\"" + globexNumber + "\"}"));
        Response accountViaPut = as(ACME_USER, "/api/v1/tenant/config")
                .put(json("{\"waba_id\":\"" + TestConfigs.wabaIdOf("globex") + "\",\"phone_number_id\":\"7770001\"}"));

        for (Response response : List.of(taken, viaPut, viaCreate, accountViaPut)) {
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(body(response).get("detail").toString())
                    .contains("belongs to another tenant")
                    .doesNotContain("globex");
        }
        assertThat(acme().version()).isEqualTo(1);
        assertThat(FIXTURE.store.load(TenantId.of("initech"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not digits | {\"phone_number_id\":\"12ab\"} | phone_number_id must be 1 to 32 digits",
                "missing | {\"label\":\"Sales\"} | phone_number_id is required",
                "label too long | {\"phone_number_id\":\"5550002\",\"label\":\"LONG\"} | label must be 1 to 100 characters",
                "blank label | {\"phone_number_id\":\"5550002\",\"label\":\"  \"} | label must be 1 to 100 characters",
                "display not a phone number | {\"phone_number_id\":\"5550002\",\"display_phone_number\":\"call me\"}"
                        + " | display_phone_number must be 1 to 32 characters",
                "read-only field | {\"phone_number_id\":\"5550002\",\"is_default\":true} | is_default is read-only",
                "unknown field | {\"phone_number_id\":\"5550002\",\"nickname\":\"x\"} | nickname is not a field"
            })
    void a_bad_number_to_add_is_422_naming_the_field_and_nothing_changes(String why, String body, String detail) {
        Response response = add(body.replace("LONG", "x".repeat(101)));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains(detail);
        assertThat(acme().phoneNumbers().size()).isEqualTo(1);
    }

    @Test
    void a_number_added_twice_or_one_too_many_is_refused_with_a_reason() {
        Response twice = add("{\"phone_number_id\":\"" + SUPPORT + "\"}");
        for (int i = 2; i <= 50; i++) {
            assertThat(add("{\"phone_number_id\":\"" + (6_000_000 + i) + "\"}").getStatus())
                    .isEqualTo(201);
        }
        Response fiftyFirst = add("{\"phone_number_id\":\"7000051\"}");

        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(body(twice).get("detail").toString()).contains("is one of yours already");
        assertThat(fiftyFirst.getStatus()).isEqualTo(422);
        assertThat(body(fiftyFirst).get("detail").toString()).contains("at most 50 phone numbers");
        assertThat(acme().phoneNumbers().size()).isEqualTo(50);
    }

    @Test
    void an_unknown_number_in_a_path_is_404_for_every_method() {
        for (String id : List.of("5559999", "not-digits")) {
            assertThat(as(ACME_USER, NUMBERS + "/" + id).get().getStatus()).isEqualTo(404);
            assertThat(patch(id, "{\"label\":\"x\"}").getStatus()).isEqualTo(404);
            Response deleted = as(ACME_USER, NUMBERS + "/" + id).delete();
            assertThat(deleted.getStatus()).isEqualTo(404);
            assertThat(body(deleted).get("detail").toString()).isNotBlank();
        }
        assertThat(as(GLOBEX_USER, NUMBERS + "/" + SUPPORT).get().getStatus())
                .as("another tenant's number is unknown here")
                .isEqualTo(404);
        assertThat(acme().version()).isEqualTo(1);
    }

    @Test
    void a_bad_change_is_422_and_clearing_a_flag_is_refused() {
        Response cleared = patch(SUPPORT, "{\"is_active\":null}");
        Response wrongType = patch(SUPPORT, "{\"is_default\":\"yes\"}");
        Response notAnObject = patch(SUPPORT, "[]");

        assertThat(cleared.getStatus()).isEqualTo(422);
        assertThat(cleared.readEntity(String.class)).contains("is_active must be true or false");
        assertThat(wrongType.getStatus()).isEqualTo(422);
        assertThat(notAnObject.getStatus()).isEqualTo(422);
        assertThat(acme().version()).isEqualTo(1);
    }

    @Test
    void every_write_honours_if_match() {
        for (Response stale : List.of(
                as(ACME_USER, NUMBERS).header(HttpHeaders.IF_MATCH, "\"7\"").post(json("{\"phone_number_id\":\"1\"}")),
                as(ACME_USER, NUMBERS + "/" + SUPPORT)
                        .header(HttpHeaders.IF_MATCH, "\"7\"")
                        .method("PATCH", json("{\"label\":\"x\"}")),
                as(ACME_USER, NUMBERS + "/" + SUPPORT)
                        .header(HttpHeaders.IF_MATCH, "\"7\"")
                        .delete())) {
            assertThat(stale.getStatus()).isEqualTo(412);
        }
        assertThat(acme().version()).isEqualTo(1);
    }

    @Test
    void a_tenant_without_a_configuration_has_no_numbers_to_list_or_add_to() {
        String initech = Tokens.hs256(Tokens.user("initech"));

        assertThat(as(initech, NUMBERS).get().getStatus()).isEqualTo(404);
        assertThat(as(initech, NUMBERS)
                        .post(json("{\"phone_number_id\":\"1\"}"))
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void writing_phone_number_id_replaces_the_default_and_a_display_number_alone_is_refused() {
        add("{\"phone_number_id\":\"5550002\"}");

        Response replaced = as(ACME_USER, "/api/v1/tenant/config").put(json("{\"phone_number_id\":\"5550009\"}"));
        Response clearedWhileOthers = as(ACME_USER, "/api/v1/tenant/config").put(json("{\"phone_number_id\":null}"));
        Response displayAlone = as(Tokens.hs256(Tokens.user("initech")), "/api/v1/tenant/config")
                .post(json("{\"display_phone_number\":\"+1 555-010-0000\"}"));

        assertThat(replaced.getStatus()).isEqualTo(200);
        assertThat(numbers(as(ACME_USER, NUMBERS).get()))
                .extracting(n -> n.get("phone_number_id"))
                .containsExactly("5550002", "5550009");
        assertThat(clearedWhileOthers.getStatus()).isEqualTo(409);
        assertThat(displayAlone.getStatus()).isEqualTo(422);
        assertThat(body(displayAlone).get("detail").toString())
                .contains("A display_phone_number needs a phone_number_id");
    }

    // ---- numbers brought into use through Meta: create, request a code, verify -------------

    private static final String CREATE_BODY =
            "{\"country_code\":\"1\",\"phone_number\":\"555 0100\",\"verified_name\":\"Acme\",\"label\":\"New\"}";
    private static final String CREATED = "106540352299001";

    private static Response post(String path, String body) {
        return as(ACME_USER, NUMBERS + path).post(json(body));
    }

    @Test
    void a_number_meta_creates_is_kept_unverified_then_verified_registered_and_put_in_use() {
        FIXTURE.meta.createsNumber(CREATED);

        Response created = add(CREATE_BODY);

        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getLocation().getPath()).isEqualTo(NUMBERS + "/" + CREATED);
        Map<String, Object> view = body(created);
        assertThat(view)
                .containsEntry("phone_number_id", CREATED)
                .containsEntry("display_phone_number", "+1 5550100")
                .containsEntry("verified_name", "Acme")
                .containsEntry("label", "New")
                .containsEntry("verified", false)
                .containsEntry("is_active", false)
                .containsEntry("is_default", false)
                .containsEntry("code_requested_at", null);

        Response requested =
                post("/" + CREATED + "/request-code", "{\"code_method\":\"VOICE\",\"language\":\"en_US\"}");
        assertThat(requested.getStatus()).isEqualTo(200);
        assertThat(body(requested).get("code_requested_at")).isNotNull();

        Response verified = post("/" + CREATED + "/verify-code", "{\"code\":\"123456\"}");

        assertThat(verified.getStatus()).isEqualTo(200);
        assertThat(verified.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"" + acme().version() + "\"");
        Map<String, Object> registered = body(verified);
        assertThat(registered)
                .containsEntry("verified", true)
                .containsEntry("is_active", true)
                .containsEntry("code_requested_at", null)
                .doesNotContainKey("registration_pin");
        assertThat(registered.get("registered_at")).isNotNull();
        assertThat(auditActions())
                .containsSubsequence(
                        AuditAction.PHONE_NUMBER_ADDED,
                        AuditAction.PHONE_NUMBER_CODE_REQUESTED,
                        AuditAction.PHONE_NUMBER_VERIFIED,
                        AuditAction.PHONE_NUMBER_REGISTERED);
    }

    @ParameterizedTest(name = "{0} -> 422 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"country_code\":\"1\",\"phone_number\":\"5550100\"}|verified_name",
                "{\"phone_number\":\"5550100\",\"verified_name\":\"Acme\"}|country_code",
                "{\"country_code\":\"0\",\"phone_number\":\"5550100\",\"verified_name\":\"Acme\"}|country_code",
                "{\"country_code\":\"1\",\"phone_number\":\"55x0100\",\"verified_name\":\"Acme\"}|phone_number",
                "{\"country_code\":\"351\",\"phone_number\":\"1234567890123\",\"verified_name\":\"Acme\"}|phone_number",
                "{\"country_code\":\"1\",\"phone_number\":\"5550100\",\"verified_name\":\"\"}|verified_name",
                "{\"country_code\":\"1\",\"phone_number\":\"5550100\",\"verified_name\":\"Acme\",\"display_phone_number\":\"+1 555\"}|display_phone_number",
                "{\"phone_number_id\":\"5550002\",\"verified_name\":\"Acme\"}|verified_name",
                "{\"phone_number_id\":\"5550002\",\"country_code\":\"1\"}|country_code",
                "{\"country_code\":\"1\",\"phone_number\":\"5550100\",\"verified_name\":\"Acme\",\"verified\":true}|verified",
            })
    void a_body_meta_would_refuse_is_422_naming_the_field_before_meta_is_called(String body, String field) {
        int calls = FIXTURE.meta.calls().size();
        int version = acme().version();

        Response response = add(body);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"" + field + "\"");
        assertThat(FIXTURE.meta.calls()).hasSize(calls);
        assertThat(acme().version()).isEqualTo(version);
    }

    @ParameterizedTest(name = "verify-code {0} -> 422 before Meta is called")
    @CsvSource(
            delimiter = '|',
            value = {"{\"code\":\"12345\"}", "{\"code\":\"1234567\"}", "{\"code\":\"12a456\"}", "{\"code\":123456}"})
    void a_malformed_code_is_422_before_meta_is_called_and_never_echoed(String body) {
        FIXTURE.meta.createsNumber(CREATED);
        add(CREATE_BODY);
        int calls = FIXTURE.meta.calls().size();

        Response response = post("/" + CREATED + "/verify-code", body);

        assertThat(response.getStatus()).isEqualTo(422);
        String answer = response.readEntity(String.class);
        assertThat(answer)
                .contains("\"field\":\"code\"")
                .doesNotContain("12345\"")
                .doesNotContain("12a456");
        assertThat(FIXTURE.meta.calls()).hasSize(calls);
    }

    @ParameterizedTest(name = "request-code {0} -> 422 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"code_method\":\"EMAIL\",\"language\":\"en_US\"}|code_method",
                "{\"language\":\"en_US\"}|code_method",
                "{\"code_method\":\"SMS\"}|language",
                "{\"code_method\":\"SMS\",\"language\":\"english\"}|language",
                "{\"code_method\":\"sms\",\"language\":\"en_US\"}|code_method",
                "{\"code_method\":\"SMS\",\"language\":\"en_US\",\"code\":\"1\"}|code",
            })
    void a_bad_code_request_is_422_naming_the_field(String body, String field) {
        FIXTURE.meta.createsNumber(CREATED);
        add(CREATE_BODY);
        int calls = FIXTURE.meta.calls().size();

        Response response = post("/" + CREATED + "/request-code", body);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"" + field + "\"");
        assertThat(FIXTURE.meta.calls()).hasSize(calls);
    }

    @Test
    void a_code_for_a_registered_number_is_409_and_meta_is_not_called() {
        FIXTURE.meta.createsNumber(CREATED);
        add(CREATE_BODY);
        post("/" + CREATED + "/verify-code", "{\"code\":\"123456\"}");
        int calls = FIXTURE.meta.calls().size();

        Response requested = post("/" + CREATED + "/request-code", "{\"code_method\":\"SMS\",\"language\":\"en_US\"}");
        Response verified = post("/" + CREATED + "/verify-code", "{\"code\":\"123456\"}");

        assertThat(requested.getStatus()).isEqualTo(409);
        assertThat((String) body(requested).get("detail"))
                .contains("registered for the Cloud API already")
                .endsWith("Nothing was changed.");
        assertThat(verified.getStatus()).isEqualTo(409);
        assertThat(FIXTURE.meta.calls()).hasSize(calls);
    }

    @Test
    void an_unverified_number_cannot_be_put_in_use_with_patch() {
        FIXTURE.meta.createsNumber(CREATED);
        add(CREATE_BODY);

        Response response = patch(CREATED, "{\"is_active\":true}");

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat((String) body(response).get("detail"))
                .contains("is not verified yet")
                .contains("verify-code");
    }

    @Test
    void a_code_meta_refuses_is_400_with_metas_words_what_was_kept_and_what_to_do() {
        FIXTURE.meta.createsNumber(CREATED);
        add(CREATE_BODY);
        FIXTURE.meta.failsAt(
                ScriptedMetaOnboarding.Call.VERIFY_CODE,
                new MetaFailure(
                        MetaFailure.Kind.REJECTED, "(#136025) Code verification failed", 136025, null, "AxYz", null));

        Response response = post("/" + CREATED + "/verify-code", "{\"code\":\"000000\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat((String) body(response).get("detail"))
                .isEqualTo("Meta did not accept the code while verifying the code: (#136025) Code verification failed"
                        + " (fbtrace_id: AxYz). The number " + CREATED + " is kept unverified; send the code again, or"
                        + " request a new one with POST " + NUMBERS + "/" + CREATED + "/request-code.");
        assertThat(acme().phoneNumbers()
                        .find(MetaId.parse(CREATED))
                        .orElseThrow()
                        .active())
                .isFalse();
        FIXTURE.meta.succeedsAgain();
    }

    @Test
    void a_registration_meta_refuses_says_the_number_is_verified_and_how_to_retry_it_without_a_new_code() {
        FIXTURE.meta.createsNumber(CREATED);
        add(CREATE_BODY);
        FIXTURE.meta.failsAt(
                ScriptedMetaOnboarding.Call.REGISTER,
                new MetaFailure(
                        MetaFailure.Kind.REJECTED,
                        "(#133016) Account register deregister rate limit exceeded",
                        133016,
                        null,
                        null,
                        null));

        Response failed = post("/" + CREATED + "/verify-code", "{\"code\":\"123456\"}");

        assertThat(failed.getStatus()).isEqualTo(502);
        assertThat((String) body(failed).get("detail"))
                .startsWith("Meta's Graph API refused the request while registering the number for the Cloud API:"
                        + " (#133016) Account register deregister rate limit exceeded.")
                .endsWith("is verified and kept, not yet in use; retry its registration with POST " + NUMBERS + "/"
                        + CREATED + "/verify-code and an empty body {} (no new code is needed).");

        FIXTURE.meta.succeedsAgain();
        Response retried = post("/" + CREATED + "/verify-code", "{}");

        assertThat(retried.getStatus()).isEqualTo(200);
        assertThat(body(retried)).containsEntry("is_active", true);
    }

    @Test
    void another_tenants_number_and_an_unknown_one_are_404_for_both_steps() {
        String globexNumber = TestConfigs.phoneNumberIdOf("globex");
        int calls = FIXTURE.meta.calls().size();
        for (String path : new String[] {"/" + globexNumber, "/999", "/not-a-number"}) {
            assertThat(post(path + "/request-code", "{\"code_method\":\"SMS\",\"language\":\"en_US\"}")
                            .getStatus())
                    .as(path)
                    .isEqualTo(404);
            assertThat(post(path + "/verify-code", "{\"code\":\"123456\"}").getStatus())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(FIXTURE.meta.calls()).hasSize(calls);
    }

    @Test
    void an_account_the_tenant_does_not_have_is_404_before_meta_is_called() {
        int calls = FIXTURE.meta.calls().size();
        Response unknownAccount = add("{\"country_code\":\"1\",\"phone_number\":\"5550100\",\"verified_name\":\"Acme\","
                + "\"waba_id\":\"" + TestConfigs.wabaIdOf("globex") + "\"}");

        assertThat(unknownAccount.getStatus()).isEqualTo(404);
        assertThat(FIXTURE.meta.calls()).hasSize(calls);
    }
}
