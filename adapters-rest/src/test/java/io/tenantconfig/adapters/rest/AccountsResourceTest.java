package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/v1/tenant/config/accounts} and the admins' {@code /api/v1/tenant/admin/tenants/{tenant_id}/accounts}:
 * every endpoint, and every way a request can be refused, for a tenant with three accounts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccountsResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String ACCOUNTS = "/api/v1/tenant/config/accounts";
    private static final String ADMIN_ACCOUNTS = "/api/v1/tenant/admin/tenants/acme/accounts";
    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String GLOBEX_USER = Tokens.hs256(Tokens.user("globex"));
    private static final String ADMIN = Tokens.hs256(Tokens.admin());

    private static final String PRIMARY = TestConfigs.wabaIdOf("acme");
    private static final String SUPPORT = TestConfigs.phoneNumberIdOf("acme");
    private static final String SECOND = "2002";
    private static final String THIRD = "3003";
    private static final Instant EXPIRES = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant SUBSCRIBED = Instant.parse("2026-02-20T08:00:00Z");
    private static final String SECOND_TOKEN = SecretValues.secret("EAAG-token-of-the-second-account");
    private static final String THIRD_TOKEN = SecretValues.secret("EAAG-token-of-the-third-account");
    private static final String NEW_TOKEN = SecretValues.secret("EAAG-a-new-token-set-by-hand");

    /** Acme's primary account holds the default number; the second account two numbers, the third one. */
    @BeforeEach
    void acmeHasThreeAccounts() {
        FIXTURE.clear();
        TenantConfig one = TestConfigs.aConfig("acme").build();
        List<PhoneNumber> numbers = new ArrayList<>(one.phoneNumbers().all());
        numbers.add(PhoneNumber.added(MetaId.parse("7001"), MetaId.parse(SECOND), null, null));
        numbers.add(PhoneNumber.added(MetaId.parse("7002"), MetaId.parse(SECOND), null, null));
        numbers.add(PhoneNumber.added(MetaId.parse("7003"), MetaId.parse(THIRD), null, null));
        FIXTURE.insert(TestConfigs.from(one)
                .otherAccount(account(
                        SECOND,
                        SECOND_TOKEN,
                        "SYSTEM_USER",
                        Set.of("whatsapp_business_messaging", "whatsapp_business_management"),
                        AccountStanding.GOOD,
                        SUBSCRIBED))
                .otherAccount(account(
                        THIRD,
                        THIRD_TOKEN,
                        null,
                        Set.of(),
                        new AccountStanding(
                                AccountStanding.Status.RESTRICTED, "ACCOUNT_RESTRICTION", "limited", ApiFixture.NOW),
                        null))
                .phoneNumbers(new PhoneNumbers(numbers, MetaId.parse(SUPPORT)))
                .build());
        FIXTURE.insert(TestConfigs.aConfig("globex").build());
    }

    private static Account account(
            String wabaId,
            String token,
            String tokenType,
            Set<String> scopes,
            AccountStanding standing,
            Instant subscribedAt) {
        return new Account(
                new WhatsAppAccount(MetaId.parse(wabaId), MetaId.parse("4022")),
                new TokenGrant(Secret.of(token), null, EXPIRES, ApiFixture.NOW),
                tokenType,
                scopes,
                standing,
                subscribedAt);
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
    private static List<Map<String, Object>> accounts(Response response) {
        return (List<Map<String, Object>>) body(response).get("accounts");
    }

    private static Response putToken(String token, String path, String body) {
        return as(token, path + "/token").put(json(body));
    }

    private static TenantConfig acme() {
        return FIXTURE.store.load(TenantId.of("acme")).orElseThrow();
    }

    private static AuditEntry lastAudit() {
        return FIXTURE.store
                .auditTrail()
                .get(FIXTURE.store.auditTrail().size() - 1)
                .entry();
    }

    /** Every secret acme's and globex's configurations hold, in clear. */
    private static List<String> secrets() {
        List<String> all = new ArrayList<>(List.of(SECOND_TOKEN, THIRD_TOKEN, NEW_TOKEN));
        for (String tenant : List.of("acme", "globex")) {
            all.add("EAAG-access-token-of-" + tenant);
            all.add("refresh-token-of-" + tenant);
            all.add("app-secret-of-" + tenant);
        }
        return all;
    }

    private static void assertNoSecretIn(String answer) {
        assertThat(answer).doesNotContain("access_token").doesNotContain("refresh_token");
        for (String secret : secrets()) {
            assertThat(answer).doesNotContain(secret);
        }
    }

    /** Nothing changed since the fixture was stored: same version, same accounts, same numbers, nothing audited. */
    private static void assertNothingChanged(int auditedBefore) {
        assertThat(acme().version()).isEqualTo(1);
        assertThat(acme().accounts().all()).extracting(a -> a.wabaId().value()).containsExactly(PRIMARY, SECOND, THIRD);
        assertThat(acme().accounts()
                        .find(MetaId.parse(SECOND))
                        .orElseThrow()
                        .token()
                        .accessToken()
                        .reveal())
                .isEqualTo(SECOND_TOKEN);
        assertThat(acme().phoneNumbers().size()).isEqualTo(4);
        assertThat(FIXTURE.store.auditTrail()).hasSize(auditedBefore);
        Response readBack = as(ACME_USER, ACCOUNTS).get();
        assertThat(readBack.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        assertThat(accounts(readBack)).hasSize(3);
    }

    @Test
    void a_tenant_with_three_accounts_lists_them_in_order_with_their_numbers_and_the_primary_marked() {
        Response listed = as(ACME_USER, ACCOUNTS).get();

        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        List<Map<String, Object>> accounts = accounts(listed);
        assertThat(accounts).extracting(a -> a.get("waba_id")).containsExactly(PRIMARY, SECOND, THIRD);
        assertThat(accounts).extracting(a -> a.get("is_default")).containsExactly(true, false, false);
        assertThat(accounts.get(0))
                .containsEntry("business_id", "4022399384699")
                .containsEntry("phone_numbers", List.of(SUPPORT))
                .containsEntry("standing", "GOOD")
                .containsEntry("health", "UNKNOWN")
                .containsEntry("token_type", null)
                .containsEntry("token_scopes", List.of())
                .containsEntry("subscribed_at", null)
                .containsEntry(
                        "token_expires_at",
                        acme().primaryAccount().token().expiresAt().toString());
        assertThat(accounts.get(1))
                .containsOnlyKeys(
                        "waba_id",
                        "business_id",
                        "is_default",
                        "token_expires_at",
                        "token_type",
                        "token_scopes",
                        "subscribed_at",
                        "standing",
                        "health",
                        "phone_numbers")
                .containsEntry("business_id", "4022")
                .containsEntry("phone_numbers", List.of("7001", "7002"))
                .containsEntry("token_expires_at", "2026-09-01T00:00:00Z")
                .containsEntry("token_type", "SYSTEM_USER")
                .containsEntry("token_scopes", List.of("whatsapp_business_management", "whatsapp_business_messaging"))
                .containsEntry("subscribed_at", "2026-02-20T08:00:00Z")
                .containsEntry("standing", "GOOD")
                .containsEntry("health", "UNKNOWN");
        assertThat(accounts.get(2))
                .containsEntry("phone_numbers", List.of("7003"))
                .containsEntry("token_scopes", List.of())
                .containsEntry("standing", "RESTRICTED");
    }

    @Test
    void each_account_shows_its_own_state_in_the_last_health_check() {
        HealthReason expiring = new HealthReason(
                HealthReason.Code.TOKEN_EXPIRING, "Your access token expires on 2026-09-01.", MetaId.parse(SECOND));
        FIXTURE.store.record(
                TenantId.of("acme"),
                new Health(List.of(expiring), Instant.parse("2026-08-25T00:00:00Z"), null, List.of(), null, null),
                List.of());

        List<Map<String, Object>> accounts = accounts(as(ADMIN, ADMIN_ACCOUNTS).get());

        assertThat(accounts).extracting(a -> a.get("health")).containsExactly("HEALTHY", "EXPIRING", "HEALTHY");
        assertThat(body(as(ACME_USER, ACCOUNTS + "/" + SECOND).get())).containsEntry("health", "EXPIRING");
    }

    @Test
    void no_answer_of_the_account_endpoints_holds_a_secret() {
        List<String> answers = new ArrayList<>();
        answers.add(as(ACME_USER, ACCOUNTS).get().readEntity(String.class));
        answers.add(as(ACME_USER, ACCOUNTS + "/" + SECOND).get().readEntity(String.class));
        answers.add(as(ADMIN, ADMIN_ACCOUNTS).get().readEntity(String.class));
        answers.add(as(ADMIN, ADMIN_ACCOUNTS + "/" + PRIMARY).get().readEntity(String.class));
        answers.add(putToken(ACME_USER, ACCOUNTS + "/" + SECOND, "{\"access_token\":\"" + NEW_TOKEN + "\"}")
                .readEntity(String.class));
        answers.add(putToken(ADMIN, ADMIN_ACCOUNTS + "/" + THIRD, "{\"access_token\":\"" + NEW_TOKEN + "\"}")
                .readEntity(String.class));
        answers.add(putToken(ACME_USER, ACCOUNTS + "/" + SECOND, "{\"access_token\":\"" + NEW_TOKEN + "\",\"x\":1}")
                .readEntity(String.class));
        answers.add(as(ACME_USER, ACCOUNTS + "/" + PRIMARY).delete().readEntity(String.class));

        assertThat(answers).allSatisfy(AccountsResourceTest::assertNoSecretIn);
    }

    @Test
    void one_account_is_read_by_its_id_with_the_configurations_etag() {
        Response read = as(ACME_USER, ACCOUNTS + "/" + SECOND).get();

        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        assertThat(body(read))
                .containsEntry("waba_id", SECOND)
                .containsEntry("is_default", false)
                .containsEntry("phone_numbers", List.of("7001", "7002"));
    }

    @Test
    void making_a_number_of_another_account_the_default_makes_that_account_the_default_one() {
        Response patched = as(ACME_USER, "/api/v1/tenant/config/phone-numbers/7003")
                .method("PATCH", json("{\"is_default\":true}"));
        assertThat(patched.getStatus()).as(patched.readEntity(String.class)).isEqualTo(200);

        assertThat(accounts(as(ACME_USER, ACCOUNTS).get()))
                .extracting(a -> a.get("waba_id") + " " + a.get("is_default"))
                .as("in the order they were added")
                .containsExactly(PRIMARY + " false", SECOND + " false", THIRD + " true");
    }

    @Test
    void setting_one_accounts_token_answers_the_account_with_the_new_etag_and_leaves_the_others() {
        TenantConfig before = acme();

        Response set = as(ACME_USER, ACCOUNTS + "/" + SECOND + "/token")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .put(json("{\"access_token\":\"" + NEW_TOKEN + "\",\"token_expires_at\":\"2026-12-01T00:00:00Z\"}"));

        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(set.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(body(set))
                .containsEntry("waba_id", SECOND)
                .containsEntry("token_expires_at", "2026-12-01T00:00:00Z")
                .containsEntry("token_type", null)
                .containsEntry("token_scopes", List.of())
                .containsEntry("phone_numbers", List.of("7001", "7002"));
        Account second = acme().accounts().find(MetaId.parse(SECOND)).orElseThrow();
        assertThat(second.token().accessToken().reveal()).isEqualTo(NEW_TOKEN);
        assertThat(acme().primaryAccount()).isEqualTo(before.primaryAccount());
        assertThat(acme().accounts().find(MetaId.parse(THIRD)))
                .isEqualTo(before.accounts().find(MetaId.parse(THIRD)));
        assertThat(lastAudit().action()).isEqualTo(AuditAction.UPDATE);
        assertThat(lastAudit().fields())
                .contains("accounts.2002.access_token", "accounts.2002.token_expires_at")
                .allSatisfy(field -> assertThat(field).startsWith("accounts.2002."));
    }

    @Test
    void the_primary_accounts_token_is_the_configurations_access_token_and_audited_as_such() {
        Response set = putToken(ACME_USER, ACCOUNTS + "/" + PRIMARY, "{\"access_token\":\"" + NEW_TOKEN + "\"}");

        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(body(set)).containsEntry("is_default", true).containsEntry("token_expires_at", null);
        assertThat(acme().token().accessToken().reveal()).isEqualTo(NEW_TOKEN);
        assertThat(lastAudit().fields()).contains("access_token").noneMatch(f -> f.startsWith("accounts."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not an object | [] | ",
                "no body at all | | body",
                "JSON cut short | {\"access_token\": \"EAAG-x | ",
                "unknown field | {\"access_token\":\"EAAG-x\",\"nickname\":\"x\"} | nickname",
                "read-only field | {\"access_token\":\"EAAG-x\",\"standing\":\"GOOD\"} | standing",
                "read-only token_scopes | {\"access_token\":\"EAAG-x\",\"token_scopes\":[\"x\"]} | token_scopes",
                "read-only subscribed_at | {\"access_token\":\"EAAG-x\",\"subscribed_at\":null} | subscribed_at",
                "missing access_token | {\"token_expires_at\":\"2026-12-01T00:00:00Z\"} | access_token",
                "null access_token | {\"access_token\":null} | access_token",
                "empty access_token | {\"access_token\":\"\"} | access_token",
                "blank access_token | {\"access_token\":\"   \"} | access_token",
                "masked access_token | {\"access_token\":\"***abcd\"} | access_token",
                "access_token not a string | {\"access_token\":123} | access_token",
                "malformed token_expires_at | {\"access_token\":\"EAAG-x\",\"token_expires_at\":\"soon\"} | token_expires_at",
                "token_expires_at not a string | {\"access_token\":\"EAAG-x\",\"token_expires_at\":5} | token_expires_at",
                "access_token twice | {\"access_token\":\"EAAG-x\",\"access_token\":\"EAAG-y\"} | access_token"
            })
    void a_bad_token_body_is_422_never_500_and_nothing_changes(String why, String body, String names) {
        int audited = FIXTURE.store.auditTrail().size();

        for (String path : List.of(ACCOUNTS + "/" + SECOND, ADMIN_ACCOUNTS + "/" + SECOND)) {
            String token = path.startsWith(ACCOUNTS) ? ACME_USER : ADMIN;
            Response response = putToken(token, path, body == null ? "" : body);

            assertThat(response.getStatus()).as(why).isEqualTo(422);
            String answer = response.readEntity(String.class);
            if (names != null) {
                assertThat(answer).contains(names);
            }
            assertThat(answer).doesNotContain("EAAG-x").doesNotContain("EAAG-y");
        }
        assertNothingChanged(audited);
    }

    @Test
    void a_body_that_is_not_json_at_all_is_400_as_everywhere_and_nothing_changes() {
        int audited = FIXTURE.store.auditTrail().size();

        Response response = putToken(ACME_USER, ACCOUNTS + "/" + SECOND, "{\"access_token\": oops}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(String.class)).contains("not valid JSON").doesNotContain("EAAG-x");
        assertNothingChanged(audited);
    }

    @Test
    void an_account_the_tenant_does_not_have_is_404_for_every_method() {
        int audited = FIXTURE.store.auditTrail().size();

        for (String base : List.of(ACCOUNTS, ADMIN_ACCOUNTS)) {
            String token = base.equals(ACCOUNTS) ? ACME_USER : ADMIN;
            Response read = as(token, base + "/9999").get();
            Response set = putToken(token, base + "/9999", "{\"access_token\":\"" + NEW_TOKEN + "\"}");
            Response removed = as(token, base + "/9999").delete();

            assertThat(List.of(read, set, removed)).allSatisfy(response -> {
                assertThat(response.getStatus()).isEqualTo(404);
                assertThat(body(response).get("detail")).asString().contains("WhatsApp Business Account");
            });
        }
        assertNothingChanged(audited);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-digits", "123456789012345678901234567890123", "-1", "%20"})
    void a_waba_id_in_the_path_that_is_not_1_to_32_digits_is_422_naming_it_for_every_method(String id) {
        int audited = FIXTURE.store.auditTrail().size();

        for (String base : List.of(ACCOUNTS, ADMIN_ACCOUNTS)) {
            String token = base.equals(ACCOUNTS) ? ACME_USER : ADMIN;
            Response read = as(token, base + "/" + id).get();
            Response set = putToken(token, base + "/" + id, "{\"access_token\":\"" + NEW_TOKEN + "\"}");
            Response removed = as(token, base + "/" + id).delete();

            assertThat(List.of(read, set, removed)).allSatisfy(response -> {
                assertThat(response.getStatus()).isEqualTo(422);
                assertThat(body(response).get("errors").toString()).contains("field=waba_id");
            });
        }
        assertNothingChanged(audited);
    }

    @Test
    void another_tenants_accounts_are_unknown_to_a_tenant_and_nothing_of_them_changes() {
        int audited = FIXTURE.store.auditTrail().size();
        String globexAccount = TestConfigs.wabaIdOf("globex");

        for (String id : List.of(SECOND, PRIMARY)) {
            assertThat(as(GLOBEX_USER, ACCOUNTS + "/" + id).get().getStatus()).isEqualTo(404);
            assertThat(putToken(GLOBEX_USER, ACCOUNTS + "/" + id, "{\"access_token\":\"" + NEW_TOKEN + "\"}")
                            .getStatus())
                    .isEqualTo(404);
            assertThat(as(GLOBEX_USER, ACCOUNTS + "/" + id).delete().getStatus())
                    .isEqualTo(404);
        }
        assertThat(as(ACME_USER, ACCOUNTS + "/" + globexAccount).get().getStatus())
                .isEqualTo(404);
        assertThat(accounts(as(GLOBEX_USER, ACCOUNTS).get()))
                .extracting(a -> a.get("waba_id"))
                .containsExactly(globexAccount);
        assertNothingChanged(audited);
        assertThat(FIXTURE.store.load(TenantId.of("globex")).orElseThrow().version())
                .isEqualTo(1);
    }

    @Test
    void every_write_honours_if_match_and_a_stale_one_changes_nothing() {
        int audited = FIXTURE.store.auditTrail().size();

        for (String base : List.of(ACCOUNTS, ADMIN_ACCOUNTS)) {
            String token = base.equals(ACCOUNTS) ? ACME_USER : ADMIN;
            Response staleSet = as(token, base + "/" + SECOND + "/token")
                    .header(HttpHeaders.IF_MATCH, "\"7\"")
                    .put(json("{\"access_token\":\"" + NEW_TOKEN + "\"}"));
            Response staleRemove = as(token, base + "/" + SECOND)
                    .header(HttpHeaders.IF_MATCH, "\"7\"")
                    .delete();

            assertThat(staleSet.getStatus()).isEqualTo(412);
            assertThat(staleRemove.getStatus()).isEqualTo(412);
        }
        assertNothingChanged(audited);
    }

    @Test
    void removing_an_account_answers_204_with_the_new_etag_and_takes_its_numbers_with_it() {
        Response removed = as(ACME_USER, ACCOUNTS + "/" + SECOND)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .delete();

        assertThat(removed.getStatus()).isEqualTo(204);
        assertThat(removed.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(accounts(as(ACME_USER, ACCOUNTS).get()))
                .extracting(a -> a.get("waba_id"))
                .containsExactly(PRIMARY, THIRD);
        assertThat(as(ACME_USER, "/api/v1/tenant/config/phone-numbers/7001")
                        .get()
                        .getStatus())
                .isEqualTo(404);
        assertThat(as(ACME_USER, ACCOUNTS + "/" + SECOND).get().getStatus()).isEqualTo(404);
        assertThat(lastAudit().action()).isEqualTo(AuditAction.ACCOUNT_REMOVED);
        assertThat(lastAudit().fields())
                .containsExactlyInAnyOrder("accounts.2002", "phone_numbers.7001", "phone_numbers.7002");
        assertThat(as(ACME_USER, ACCOUNTS + "/" + SECOND).delete().getStatus())
                .as("a second DELETE")
                .isEqualTo(404);
    }

    @Test
    void the_account_holding_the_default_cannot_go_while_another_account_has_numbers() {
        int audited = FIXTURE.store.auditTrail().size();

        for (Response refused : List.of(
                as(ACME_USER, ACCOUNTS + "/" + PRIMARY).delete(),
                as(ADMIN, ADMIN_ACCOUNTS + "/" + PRIMARY).delete())) {
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(body(refused).get("detail"))
                    .asString()
                    .contains("holds the default number " + SUPPORT)
                    .contains("make another number the default first")
                    .endsWith("Nothing was changed.");
        }
        assertNothingChanged(audited);
    }

    @Test
    void a_tenant_without_a_configuration_gets_404_from_every_account_endpoint() {
        String initech = Tokens.hs256(Tokens.user("initech"));
        String admin = "/api/v1/tenant/admin/tenants/initech/accounts";

        for (Response response : List.of(
                as(initech, ACCOUNTS).get(),
                as(initech, ACCOUNTS + "/" + SECOND).get(),
                putToken(initech, ACCOUNTS + "/" + SECOND, "{\"access_token\":\"" + NEW_TOKEN + "\"}"),
                as(initech, ACCOUNTS + "/" + SECOND).delete(),
                as(ADMIN, admin).get(),
                as(ADMIN, admin + "/" + SECOND).get(),
                putToken(ADMIN, admin + "/" + SECOND, "{\"access_token\":\"" + NEW_TOKEN + "\"}"),
                as(ADMIN, admin + "/" + SECOND).delete())) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(body(response)).containsEntry("detail", "Tenant configuration not found");
        }
        assertThat(FIXTURE.store.load(TenantId.of("initech"))).isEmpty();
    }

    @Test
    void the_admin_paths_answer_as_the_tenants_own_and_record_the_admin_as_the_actor() {
        Response tenantsOwn = as(ACME_USER, ACCOUNTS).get();
        Response admins = as(ADMIN, ADMIN_ACCOUNTS).get();

        assertThat(admins.getStatus()).isEqualTo(200);
        assertThat(admins.getHeaderString(HttpHeaders.ETAG)).isEqualTo(tenantsOwn.getHeaderString(HttpHeaders.ETAG));
        assertThat(body(admins)).isEqualTo(body(tenantsOwn));
        assertThat(body(as(ADMIN, ADMIN_ACCOUNTS + "/" + THIRD).get())).containsEntry("waba_id", THIRD);

        Response set = putToken(ADMIN, ADMIN_ACCOUNTS + "/" + THIRD, "{\"access_token\":\"" + NEW_TOKEN + "\"}");
        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(set.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(lastAudit().action()).isEqualTo(AuditAction.UPDATE);
        assertThat(lastAudit().actor().subject()).isEqualTo("platform-admin");
        assertThat(lastAudit().tenantId()).isEqualTo(TenantId.of("acme"));

        Response removed = as(ADMIN, ADMIN_ACCOUNTS + "/" + THIRD)
                .header(HttpHeaders.IF_MATCH, "\"2\"")
                .delete();
        assertThat(removed.getStatus()).isEqualTo(204);
        assertThat(removed.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"3\"");
        assertThat(lastAudit().action()).isEqualTo(AuditAction.ACCOUNT_REMOVED);
        assertThat(lastAudit().actor().subject()).isEqualTo("platform-admin");
        assertThat(accounts(as(ACME_USER, ACCOUNTS).get()))
                .extracting(a -> a.get("waba_id"))
                .containsExactly(PRIMARY, SECOND);
    }

    @Test
    void callers_without_a_token_a_tenant_or_the_admin_role_are_refused_and_nothing_changes() {
        int audited = FIXTURE.store.auditTrail().size();

        for (String path : List.of(ACCOUNTS, ACCOUNTS + "/" + SECOND, ADMIN_ACCOUNTS, ADMIN_ACCOUNTS + "/" + SECOND)) {
            assertThat(API.target(path).request().get().getStatus())
                    .as("no token")
                    .isEqualTo(401);
        }
        for (String path : List.of(ACCOUNTS + "/" + SECOND, ADMIN_ACCOUNTS + "/" + SECOND)) {
            assertThat(API.target(path).request().delete().getStatus())
                    .as("no token")
                    .isEqualTo(401);
            assertThat(API.target(path + "/token")
                            .request()
                            .put(json("{\"access_token\":\"" + NEW_TOKEN + "\"}"))
                            .getStatus())
                    .as("no token")
                    .isEqualTo(401);
        }
        assertThat(as(ADMIN, ACCOUNTS).get().getStatus())
                .as("a token without a tenant")
                .isEqualTo(403);
        assertThat(as(ACME_USER, ADMIN_ACCOUNTS).get().getStatus())
                .as("not an admin")
                .isEqualTo(403);
        assertThat(as(ACME_USER, ADMIN_ACCOUNTS + "/" + SECOND).delete().getStatus())
                .isEqualTo(403);
        assertThat(putToken(ACME_USER, ADMIN_ACCOUNTS + "/" + SECOND, "{\"access_token\":\"" + NEW_TOKEN + "\"}")
                        .getStatus())
                .isEqualTo(403);
        assertNothingChanged(audited);
    }

    @Test
    void an_admin_path_with_a_tenant_id_that_cannot_be_one_is_422_naming_it() {
        Response response =
                as(ADMIN, "/api/v1/tenant/admin/tenants/%20acme/accounts").get();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response).get("detail")).asString().contains("tenant_id");
    }

    @Test
    void resubscribing_shows_each_accounts_subscription_and_a_refusal_names_the_account_and_those_subscribed() {
        FIXTURE.meta.failsToSubscribe(
                MetaId.parse(THIRD),
                new MetaFailure(
                        MetaFailure.Kind.META_UNAVAILABLE, "Service temporarily unavailable", 2, null, "Ab12", null));
        try {
            Response response =
                    as(ACME_USER, "/api/v1/tenant/config/webhook/resubscribe").post(null);

            assertThat(response.getStatus()).isEqualTo(502);
            assertThat(body(response).get("detail"))
                    .isEqualTo("Meta's Graph API did not accept the subscription of account 3003: Service temporarily"
                            + " unavailable (fbtrace_id: Ab12). Accounts " + PRIMARY + ", 2002 were subscribed (see"
                            + " subscribed_at in /api/v1/tenant/config/accounts); try again later for the others.");
        } finally {
            FIXTURE.meta.succeedsAgain();
        }

        assertThat(accounts(as(ACME_USER, ACCOUNTS).get()))
                .extracting(account -> account.get("subscribed_at"))
                .containsExactly(ApiFixture.NOW.toString(), ApiFixture.NOW.toString(), null);
        assertThat(lastAudit().action()).isEqualTo(AuditAction.WEBHOOK_RESUBSCRIBED);
        assertThat(lastAudit().fields()).containsExactlyInAnyOrder("subscribed_at", "accounts.2002.subscribed_at");
    }
}
