package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberVerification;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.domain.capacity.NumberCapacity;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The owner lookups a webhook receiver calls, the loader asked for one number, and the admin's
 * list of a tenant's numbers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LookupResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String SERVICE = Tokens.hs256(Tokens.user("platform", "service"));
    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String ACME_SERVICE = Tokens.hs256(Tokens.user("acme", "service"));
    private static final String ADMIN = Tokens.hs256(Tokens.admin());
    private static final String ACME_NUMBER = TestConfigs.phoneNumberIdOf("acme");
    private static final String ACME_ACCOUNT = TestConfigs.wabaIdOf("acme");
    /** What a number answers before any check or webhook said its capacity: Meta's default pace. */
    private static final Map<String, Object> NEVER_CHECKED = capacity(80, null, null);

    private static Map<String, Object> capacity(int perSecond, String quality, String tier) {
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("messages_per_second", perSecond);
        capacity.put("quality_rating", quality);
        capacity.put("messaging_limit_tier", tier);
        return capacity;
    }

    @BeforeEach
    void acmeWithTwoNumbers() {
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        FIXTURE.insert(TestConfigs.aConfig("globex").active(false).build());
        as(ACME_USER, PhoneNumbersResource.PATH)
                .post(Entity.entity("{\"phone_number_id\":\"5550002\"}", MediaType.APPLICATION_JSON));
        as(ACME_USER, PhoneNumbersResource.PATH + "/5550002")
                .method("PATCH", Entity.entity("{\"is_active\":false}", MediaType.APPLICATION_JSON));
    }

    private static Invocation.Builder as(String token, String path) {
        return API.target(path).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @Test
    void the_service_role_finds_the_tenant_of_a_number_and_whether_to_use_it() {
        Response owner =
                as(SERVICE, "/api/v1/lookup/phone-numbers/" + ACME_NUMBER).get();
        Response unused = as(SERVICE, "/api/v1/lookup/phone-numbers/5550002").get();

        assertThat(owner.getStatus()).isEqualTo(200);
        assertThat(body(owner))
                .isEqualTo(Map.of(
                        "tenant_id",
                        "acme",
                        "is_active",
                        true,
                        "waba_id",
                        ACME_ACCOUNT,
                        "phone_number_id",
                        ACME_NUMBER,
                        "coexistence",
                        false,
                        "capacity",
                        NEVER_CHECKED));
        assertThat(body(unused)).containsEntry("tenant_id", "acme").containsEntry("is_active", false);
    }

    @Test
    void the_service_role_finds_the_tenant_of_an_account_with_its_default_number() {
        Response owner = as(SERVICE, "/api/v1/lookup/wabas/" + ACME_ACCOUNT).get();
        Response inactive = as(SERVICE, "/api/v1/lookup/wabas/" + TestConfigs.wabaIdOf("globex"))
                .get();

        assertThat(body(owner))
                .isEqualTo(Map.of(
                        "tenant_id",
                        "acme",
                        "is_active",
                        true,
                        "waba_id",
                        ACME_ACCOUNT,
                        "phone_number_id",
                        ACME_NUMBER,
                        "coexistence",
                        false,
                        "capacity",
                        NEVER_CHECKED));
        assertThat(body(inactive)).containsEntry("tenant_id", "globex").containsEntry("is_active", false);
    }

    @Test
    void a_whatsapp_business_apps_number_is_named_as_such_by_number_and_by_account() {
        PhoneNumber app = new PhoneNumber(
                MetaId.parse("7301"),
                MetaId.parse("7300"),
                null,
                null,
                null,
                true,
                null,
                null,
                true,
                NumberVerification.VERIFIED);
        FIXTURE.insert(TestConfigs.aConfig("initech")
                .account(new WhatsAppAccount(MetaId.parse("7300"), null))
                .phoneNumbers(PhoneNumbers.only(app))
                .build());

        assertThat(body(as(SERVICE, "/api/v1/lookup/phone-numbers/7301").get()))
                .containsEntry("tenant_id", "initech")
                .containsEntry("coexistence", true);
        assertThat(body(as(SERVICE, "/api/v1/lookup/wabas/7300").get()))
                .containsEntry("phone_number_id", "7301")
                .containsEntry("coexistence", true);
    }

    @Test
    void a_number_answers_how_fast_it_may_send_as_meta_last_said_it() {
        FIXTURE.store.checked(
                TenantId.of("acme"),
                Map.of(MetaId.parse(ACME_NUMBER), new NumberCapacity("HIGH", "GREEN", "TIER_100K", "APPROVED")),
                Instant.now());

        assertThat(body(as(SERVICE, "/api/v1/lookup/phone-numbers/" + ACME_NUMBER)
                        .get()))
                .containsEntry("capacity", capacity(1_000, "GREEN", "TIER_100K"));
        assertThat(body(as(SERVICE, "/api/v1/lookup/wabas/" + ACME_ACCOUNT).get()))
                .as("by account: its default number's")
                .containsEntry("capacity", capacity(1_000, "GREEN", "TIER_100K"));
        assertThat(body(as(SERVICE, "/api/v1/lookup/phone-numbers/5550002").get()))
                .as("never checked: Meta's default, nothing else said")
                .containsEntry("capacity", NEVER_CHECKED);
    }

    @Test
    void a_whatsapp_business_apps_number_sends_20_a_second_whatever_meta_says_of_its_level() {
        PhoneNumber app = new PhoneNumber(
                MetaId.parse("7301"),
                MetaId.parse("7300"),
                null,
                null,
                null,
                true,
                null,
                null,
                true,
                NumberVerification.VERIFIED);
        FIXTURE.insert(TestConfigs.aConfig("initech")
                .account(new WhatsAppAccount(MetaId.parse("7300"), null))
                .phoneNumbers(PhoneNumbers.only(app))
                .build());
        FIXTURE.store.checked(
                TenantId.of("initech"),
                Map.of(MetaId.parse("7301"), new NumberCapacity("HIGH", "GREEN", "TIER_2K", "APPROVED")),
                Instant.now());

        assertThat(body(as(SERVICE, "/api/v1/lookup/phone-numbers/7301").get()))
                .containsEntry("capacity", capacity(20, "GREEN", "TIER_2K"));
        assertThat(body(as(ADMIN, "/api/v1/tenant/admin/configs/initech/phone-numbers")
                                .get())
                        .toString())
                .as("the dashboard's list of the tenant's numbers")
                .contains("capacity={messages_per_second=20, quality_rating=GREEN, messaging_limit_tier=TIER_2K}");
    }

    @Test
    void an_id_nobody_owns_or_that_is_not_an_id_is_404_with_a_detail() {
        for (String path : List.of(
                "/api/v1/lookup/phone-numbers/999999",
                "/api/v1/lookup/phone-numbers/12ab",
                "/api/v1/lookup/wabas/999999",
                "/api/v1/lookup/wabas/%27%20OR%201=1")) {
            Response response = as(SERVICE, path).get();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(body(response).get("detail").toString()).startsWith("No tenant has");
        }
    }

    @Test
    void only_the_service_role_may_look_up_owners() {
        for (String token : List.of(ACME_USER, ADMIN)) {
            assertThat(as(token, "/api/v1/lookup/phone-numbers/" + ACME_NUMBER)
                            .get()
                            .getStatus())
                    .isEqualTo(403);
            assertThat(as(token, "/api/v1/lookup/wabas/" + ACME_ACCOUNT).get().getStatus())
                    .isEqualTo(403);
        }
        assertThat(API.target("/api/v1/lookup/wabas/" + ACME_ACCOUNT)
                        .request()
                        .get()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    void the_loader_answers_for_a_named_number_of_the_tenant_and_404_for_any_other() {
        Response named = API.target("/api/v1/tenant/config/resolved")
                .queryParam("phone_number_id", "5550002")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_USER)
                .get();
        Response other = API.target("/api/v1/tenant/config/resolved")
                .queryParam("phone_number_id", TestConfigs.phoneNumberIdOf("globex"))
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_USER)
                .get();
        Response malformed = API.target("/api/v1/tenant/config/resolved")
                .queryParam("phone_number_id", "12ab")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_USER)
                .get();

        assertThat(named.getStatus()).isEqualTo(200);
        assertThat(named.readEntity(String.class))
                .contains("\"phone_number_id\":{\"value\":\"5550002\",\"source\":\"database\"}")
                .contains("***");
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(body(other).get("detail").toString()).contains("no active configuration with the phone number");
        assertThat(malformed.getStatus()).isEqualTo(422);
        assertThat(malformed.readEntity(String.class)).contains("phone_number_id must be 1 to 32 digits");
    }

    @Test
    void a_service_reading_a_named_number_in_clear_is_audited() {
        int before = FIXTURE.store.auditTrail().size();

        Response named = API.target("/api/v1/tenant/config/resolved")
                .queryParam("phone_number_id", "5550002")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_SERVICE)
                .get();

        assertThat(named.getStatus()).isEqualTo(200);
        assertThat(named.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(named.readEntity(String.class)).contains("EAAG-access-token-of-acme");
        assertThat(FIXTURE.store.auditTrail()).hasSize(before + 1);
        assertThat(FIXTURE.store.auditTrail().get(before).entry().action()).isEqualTo(AuditAction.SECRETS_READ);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_lists_any_tenants_numbers() {
        Response listed =
                as(ADMIN, "/api/v1/tenant/admin/configs/acme/phone-numbers").get();
        Response nobody =
                as(ADMIN, "/api/v1/tenant/admin/configs/initech/phone-numbers").get();

        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) body(listed).get("phone_numbers"))
                .extracting(n -> n.get("phone_number_id"))
                .containsExactly(ACME_NUMBER, "5550002");
        assertThat(nobody.getStatus()).isEqualTo(404);
        assertThat(as(ACME_USER, "/api/v1/tenant/admin/configs/acme/phone-numbers")
                        .get()
                        .getStatus())
                .isEqualTo(403);
    }
}
