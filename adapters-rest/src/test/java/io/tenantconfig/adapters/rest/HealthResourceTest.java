package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.domain.health.TokenFacts;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tenant's health, a check on demand, failure reports from the platform, and the admin's view. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HealthResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String SERVICE = Tokens.hs256(Tokens.user("platform", "service"));
    private static final String ADMIN = Tokens.hs256(Tokens.admin());

    @BeforeEach
    void acmeAndGlobex() {
        FIXTURE.clear();
        FIXTURE.metaHealth.tokensAre(token -> new TokenFacts(
                true,
                null,
                null,
                "SYSTEM_USER",
                ScriptedMetaHealth.PLATFORM_APP,
                null,
                Set.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING),
                Map.of()));
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        FIXTURE.insert(TestConfigs.aConfig("globex").build());
    }

    private static Invocation.Builder as(String token, String path) {
        return API.target(path).request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @Test
    void a_tenant_never_checked_is_unknown_and_a_check_now_says_how_it_is() {
        Map<String, Object> before =
                body(as(ACME_USER, "/api/v1/tenant/config/health").get());

        Response checked = as(ACME_USER, "/api/v1/tenant/config/health/check").post(null);

        assertThat(before)
                .containsEntry("state", "UNKNOWN")
                .containsEntry("reasons", List.of())
                .containsEntry("checked_at", null)
                .containsEntry("accounts", List.of());
        assertThat(checked.getStatus()).isEqualTo(200);
        Map<String, Object> health = body(checked);
        assertThat(health)
                .containsEntry("state", "HEALTHY")
                .containsEntry("checked_at", ApiFixture.NOW.toString())
                .containsEntry("token_expires_at", null)
                .containsEntry(
                        "phone_numbers",
                        List.of(Map.of(
                                "phone_number_id",
                                TestConfigs.phoneNumberIdOf("acme"),
                                "status",
                                "CONNECTED",
                                "quality_rating",
                                "GREEN")));
        Map<String, Object> account = new HashMap<>();
        account.put("waba_id", TestConfigs.wabaIdOf("acme"));
        account.put("state", "HEALTHY");
        account.put("reasons", List.of());
        account.put("token_expires_at", null);
        assertThat(health).containsEntry("accounts", List.of(account));
        assertThat(body(as(ACME_USER, "/api/v1/tenant/config/health").get())).isEqualTo(health);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_expired_token_shows_invalid_with_a_reason_the_tenant_can_act_on_and_never_the_token() {
        FIXTURE.metaHealth.tokensAre(token -> new TokenFacts(false, 190, 463, null, null, null, Set.of(), Map.of()));

        Response checked = as(ACME_USER, "/api/v1/tenant/config/health/check").post(null);

        String text = checked.readEntity(String.class);
        assertThat(text).doesNotContain("EAAG");
        Map<String, Object> health =
                body(as(ACME_USER, "/api/v1/tenant/config/health").get());
        assertThat(health).containsEntry("state", "INVALID");
        assertThat((List<Map<String, String>>) health.get("reasons"))
                .singleElement()
                .satisfies(reason -> {
                    assertThat(reason).containsEntry("code", "TOKEN_EXPIRED").containsEntry("state", "INVALID");
                    assertThat(reason.get("message")).startsWith("Your access token has expired.");
                });
        assertThat(FIXTURE.store.events())
                .extracting(PlatformEvent::type)
                .contains(PlatformEvent.REAUTHORIZATION_REQUIRED, PlatformEvent.HEALTH_CHANGED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_account_shows_its_own_state_and_reasons_and_the_tenant_the_worst_of_them() {
        MetaId expiring = MetaId.parse("102290129340398");
        MetaId banned = MetaId.parse("103300000000001");
        Secret expiringToken = Secret.of(SecretValues.secret("EAAG-token-of-the-expiring-account"));
        Instant soon = ApiFixture.NOW.plus(Duration.ofDays(3));
        TenantConfig initech = TestConfigs.aConfig("initech").build();
        List<PhoneNumber> numbers = new ArrayList<>(initech.phoneNumbers().all());
        numbers.add(PhoneNumber.added(MetaId.parse("106540352242922"), expiring, null, NumberLabel.parse("Sales")));
        numbers.add(PhoneNumber.added(MetaId.parse("106500000000003"), banned, null, NumberLabel.parse("Billing")));
        FIXTURE.insert(TestConfigs.from(initech)
                .otherAccount(new Account(
                        new WhatsAppAccount(expiring, null),
                        new TokenGrant(expiringToken, null, soon, null),
                        "SYSTEM_USER",
                        Set.of(),
                        AccountStanding.GOOD,
                        null))
                .otherAccount(new Account(
                        new WhatsAppAccount(banned, null),
                        new TokenGrant(
                                Secret.of(SecretValues.secret("EAAG-token-of-the-banned-account")), null, null, null),
                        "SYSTEM_USER",
                        Set.of(),
                        new AccountStanding(
                                AccountStanding.Status.DISABLED,
                                "DISABLED_UPDATE",
                                "Meta disabled it.",
                                ApiFixture.NOW),
                        null))
                .phoneNumbers(new PhoneNumbers(numbers, initech.phoneNumbers().defaultId()))
                .build());
        FIXTURE.metaHealth.tokensAre(token -> new TokenFacts(
                true,
                null,
                null,
                "SYSTEM_USER",
                ScriptedMetaHealth.PLATFORM_APP,
                token.equals(expiringToken) ? soon : null,
                Set.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING),
                Map.of()));
        String initechUser = Tokens.hs256(Tokens.user("initech"));

        as(initechUser, "/api/v1/tenant/config/health/check").post(null);
        Map<String, Object> health =
                body(as(initechUser, "/api/v1/tenant/config/health").get());

        assertThat(health).containsEntry("state", "DISABLED").containsEntry("token_expires_at", null);
        assertThat((List<Map<String, Object>>) health.get("reasons"))
                .extracting(reason -> reason.get("code"))
                .containsExactly("ACCOUNT_DISABLED", "TOKEN_EXPIRING");
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) health.get("accounts");
        assertThat(accounts)
                .extracting(a -> a.get("waba_id"))
                .containsExactly(TestConfigs.wabaIdOf("initech"), expiring.value(), banned.value());
        assertThat(accounts).extracting(a -> a.get("state")).containsExactly("HEALTHY", "EXPIRING", "DISABLED");
        assertThat(accounts.get(0)).containsEntry("reasons", List.of()).containsEntry("token_expires_at", null);
        assertThat(accounts.get(1)).containsEntry("token_expires_at", soon.toString());
        assertThat((List<Map<String, Object>>) accounts.get(1).get("reasons"))
                .singleElement()
                .satisfies(reason -> {
                    assertThat(reason)
                            .containsOnlyKeys("code", "state", "message")
                            .containsEntry("code", "TOKEN_EXPIRING")
                            .containsEntry("state", "EXPIRING");
                    assertThat((String) reason.get("message"))
                            .startsWith("WhatsApp Business Account 102290129340398: Your access token expires on");
                });
        assertThat((List<Map<String, Object>>) accounts.get(2).get("reasons"))
                .extracting(reason -> reason.get("code"))
                .containsExactly("ACCOUNT_DISABLED");
        assertThat((List<Map<String, Object>>)
                        body(as(ADMIN, "/api/v1/tenant/admin/health").get()).get("tenants"))
                .filteredOn(t -> "initech".equals(t.get("tenant_id")))
                .singleElement()
                .satisfies(
                        t -> assertThat((Map<String, Object>) t.get("health")).containsEntry("accounts", accounts));
    }

    @Test
    void a_tenant_without_a_configuration_has_no_health() {
        String nobody = Tokens.hs256(Tokens.user("nobody"));

        assertThat(as(nobody, "/api/v1/tenant/config/health").get().getStatus()).isEqualTo(404);
        assertThat(as(nobody, "/api/v1/tenant/config/health/check").post(null).getStatus())
                .isEqualTo(404);
    }

    @Test
    void the_platform_reports_a_failure_and_the_tenant_becomes_due_at_once() {
        Response reported = as(
                        SERVICE,
                        "/api/v1/lookup/phone-numbers/" + TestConfigs.phoneNumberIdOf("acme") + "/report-failure")
                .post(Entity.entity("{\"code\":190,\"error_subcode\":463}", MediaType.APPLICATION_JSON));

        assertThat(reported.getStatus()).isEqualTo(202);
        assertThat(body(reported)).isEqualTo(Map.of("tenant_id", "acme", "check", "scheduled"));
        assertThat(FIXTURE.store.claimDue("probe", ApiFixture.NOW, Duration.ofMinutes(1), 10))
                .extracting(t -> t.value())
                .containsExactly("acme");
    }

    @Test
    void a_bad_failure_report_is_422_and_an_unknown_number_404() {
        String path = "/api/v1/lookup/phone-numbers/" + TestConfigs.phoneNumberIdOf("acme") + "/report-failure";

        Response noCode = as(SERVICE, path).post(Entity.entity("{\"error_subcode\":463}", MediaType.APPLICATION_JSON));
        Response text = as(SERVICE, path).post(Entity.entity("{\"code\":\"190\"}", MediaType.APPLICATION_JSON));
        Response zero = as(SERVICE, path).post(Entity.entity("{\"code\":0}", MediaType.APPLICATION_JSON));
        Response unknownField =
                as(SERVICE, path).post(Entity.entity("{\"code\":190,\"message\":\"x\"}", MediaType.APPLICATION_JSON));
        Response unknown = as(SERVICE, "/api/v1/lookup/phone-numbers/999/report-failure")
                .post(Entity.entity("{\"code\":190}", MediaType.APPLICATION_JSON));

        assertThat(noCode.getStatus()).isEqualTo(422);
        assertThat(noCode.readEntity(String.class)).contains("code is required");
        assertThat(text.getStatus()).isEqualTo(422);
        assertThat(text.readEntity(String.class)).contains("code must be a whole number");
        assertThat(unknownField.getStatus()).isEqualTo(422);
        assertThat(zero.getStatus()).isEqualTo(422);
        assertThat(zero.readEntity(String.class)).contains("code must be a positive number");
        assertThat(unknown.getStatus()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void admins_see_who_needs_action_worst_first_counts_per_state_and_can_filter_the_list() {
        FIXTURE.metaHealth.tokensAre(token -> token.reveal().contains("acme")
                ? new TokenFacts(false, 190, 460, null, null, null, Set.of(), Map.of())
                : new TokenFacts(
                        true,
                        null,
                        null,
                        "SYSTEM_USER",
                        ScriptedMetaHealth.PLATFORM_APP,
                        null,
                        Set.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING),
                        Map.of()));
        as(ACME_USER, "/api/v1/tenant/config/health/check").post(null);
        as(Tokens.hs256(Tokens.user("globex")), "/api/v1/tenant/config/health/check")
                .post(null);

        Map<String, Object> needing =
                body(as(ADMIN, "/api/v1/tenant/admin/health").get());
        Map<String, Object> stats =
                body(as(ADMIN, "/api/v1/tenant/admin/configs/stats").get());
        Map<String, Object> invalid = body(API.target("/api/v1/tenant/admin/configs/all")
                .queryParam("health", "INVALID")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get());
        Response badFilter = API.target("/api/v1/tenant/admin/configs/all")
                .queryParam("health", "SICK")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get();

        assertThat((List<Map<String, Object>>) needing.get("tenants"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t).containsEntry("tenant_id", "acme");
                    assertThat((Map<String, Object>) t.get("health")).containsEntry("state", "INVALID");
                });
        assertThat((Map<String, Object>) stats.get("health"))
                .containsEntry("INVALID", 1)
                .containsEntry("HEALTHY", 1);
        assertThat(invalid).containsEntry("total", 1);
        assertThat(badFilter.getStatus()).isEqualTo(422);
        assertThat(badFilter.readEntity(String.class)).contains("health must be one of");
        assertThat(as(ACME_USER, "/api/v1/tenant/admin/health").get().getStatus())
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void admins_list_events_by_state_and_replay_one() {
        FIXTURE.metaHealth.tokensAre(token -> new TokenFacts(false, 190, 463, null, null, null, Set.of(), Map.of()));
        as(ACME_USER, "/api/v1/tenant/config/health/check").post(null);

        Map<String, Object> pending = body(API.target("/api/v1/tenant/admin/events")
                .queryParam("status", "pending")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get());
        List<Map<String, Object>> events = (List<Map<String, Object>>) pending.get("events");
        Number first = (Number) events.get(1).get("id");
        Response replayed =
                as(ADMIN, "/api/v1/tenant/admin/events/" + first + "/replay").post(null);
        Response missing =
                as(ADMIN, "/api/v1/tenant/admin/events/424242/replay").post(null);
        Response badStatus = API.target("/api/v1/tenant/admin/events")
                .queryParam("status", "lost")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .get();

        assertThat(events)
                .as("newest first (the fixture keeps earlier tests' events)")
                .extracting(e -> e.get("type"))
                .startsWith(PlatformEvent.HEALTH_CHANGED, PlatformEvent.REAUTHORIZATION_REQUIRED);
        assertThat(events.get(0)).containsEntry("tenant_id", "acme").containsEntry("status", "pending");
        assertThat((Map<String, Object>) events.get(0).get("data")).containsEntry("state", "INVALID");
        assertThat(replayed.getStatus()).isEqualTo(200);
        assertThat(body(replayed)).isEqualTo(Map.of("id", first.intValue(), "status", "pending"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(badStatus.getStatus()).isEqualTo(422);
    }
}
