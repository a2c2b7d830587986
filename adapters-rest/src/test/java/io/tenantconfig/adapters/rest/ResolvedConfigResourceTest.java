package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.NumberCapacity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ResolvedConfigResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    @BeforeEach
    void acmeHasAConfigWithoutAnAppSecret() {
        FIXTURE.clear();
        TenantConfig acme = TestConfigs.aConfig("acme").build();
        FIXTURE.insert(TestConfigs.from(acme)
                .app(new AppCredentials(acme.app().appId(), null))
                .build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolved(String token) {
        Response response = API.target("/api/v1/tenant/config/resolved")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .get();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.readEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> value(Map<String, Object> resolved, String field) {
        return ((Map<String, Map<String, String>>) resolved.get("values")).get(field);
    }

    @Test
    void a_tenant_user_sees_where_each_value_comes_from_with_secrets_masked() {
        Map<String, Object> resolved = resolved(Tokens.hs256(Tokens.user("acme")));

        assertThat(resolved)
                .containsEntry("tenant_id", "acme")
                .containsEntry("has_tenant_config", true)
                .containsEntry("onboarding_completed", false);
        assertThat(value(resolved, "phone_number_id"))
                .containsEntry("value", TestConfigs.phoneNumberIdOf("acme"))
                .containsEntry("source", "database");
        assertThat(value(resolved, "access_token"))
                .containsEntry("value", "***acme")
                .containsEntry("source", "database");
        assertThat(value(resolved, "fb_app_secret"))
                .containsEntry("value", "***8888")
                .containsEntry("source", "environment");
        assertThat(value(resolved, "waba_id")).containsEntry("source", "database");
        assertThat(resolved.get("values").toString())
                .doesNotContain("EAAG-access-token-of-acme")
                .doesNotContain("platform-app-secret");
    }

    private static Map<String, Object> capacity(int perSecond, String quality, String tier) {
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("messages_per_second", perSecond);
        capacity.put("quality_rating", quality);
        capacity.put("messaging_limit_tier", tier);
        return capacity;
    }

    @Test
    void the_resolved_number_comes_with_how_fast_it_may_send_and_one_never_checked_with_metas_default() {
        assertThat(resolved(Tokens.hs256(Tokens.user("acme", "service"))))
                .as("never checked")
                .containsEntry("capacity", capacity(80, null, null));
        FIXTURE.store.checked(
                TenantId.of("acme"),
                Map.of(
                        MetaId.parse(TestConfigs.phoneNumberIdOf("acme")),
                        new NumberCapacity("HIGH", "YELLOW", "TIER_10K", "APPROVED")),
                Instant.now());

        assertThat(resolved(Tokens.hs256(Tokens.user("acme"))))
                .containsEntry("capacity", capacity(1_000, "YELLOW", "TIER_10K"));
        assertThat(resolved(Tokens.hs256(Tokens.user("newcomer"))))
                .as("the environment's number: nothing known of it but Meta's default")
                .containsEntry("capacity", capacity(80, null, null));
    }

    @Test
    void an_answer_while_the_database_answers_is_not_stale() {
        Map<String, Object> resolved = resolved(Tokens.hs256(Tokens.user("acme", "service")));

        assertThat(resolved).containsEntry("stale", false).doesNotContainKey("stale_since");
    }

    @Test
    void while_the_database_cannot_be_reached_the_last_known_values_are_served_marked_stale() {
        FIXTURE.store.unreachableSince(Instant.parse("2026-12-02T08:00:00.250Z"));

        Map<String, Object> resolved = resolved(Tokens.hs256(Tokens.user("acme", "service")));

        assertThat(resolved)
                .containsEntry("stale", true)
                .containsEntry("stale_since", "2026-12-02T08:00:00.250Z")
                .containsEntry("has_tenant_config", true);
        assertThat(value(resolved, "access_token"))
                .containsEntry("value", "EAAG-access-token-of-acme")
                .containsEntry("source", "database");
    }

    @Test
    void a_service_sees_the_secrets_in_clear() {
        Map<String, Object> resolved = resolved(Tokens.hs256(Tokens.user("acme", "service")));

        assertThat(value(resolved, "access_token")).containsEntry("value", "EAAG-access-token-of-acme");
        assertThat(value(resolved, "fb_app_secret")).containsEntry("value", "platform-app-secret-8888");
    }

    @Test
    void a_tenant_without_a_config_gets_the_platform_values() {
        Map<String, Object> resolved = resolved(Tokens.hs256(Tokens.user("newcomer")));

        assertThat(resolved).containsEntry("has_tenant_config", false);
        assertThat(value(resolved, "phone_number_id"))
                .containsEntry("value", "100000000000001")
                .containsEntry("source", "environment");
        assertThat(value(resolved, "waba_id")).containsEntry("value", null).containsEntry("source", "none");
    }

    @Test
    void reading_the_secrets_in_clear_is_recorded_and_never_cached_while_a_masked_read_is_neither() {
        int before = FIXTURE.store.auditTrail().size();

        Response masked = API.target("/api/v1/tenant/config/resolved")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme")))
                .get();
        assertThat(FIXTURE.store.auditTrail()).hasSize(before);

        Response clear = API.target("/api/v1/tenant/config/resolved")
                .request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.hs256(Tokens.user("acme", "service")))
                .get();

        assertThat(masked.getHeaderString(HttpHeaders.CACHE_CONTROL)).isNull();
        assertThat(clear.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(FIXTURE.store.auditTrail()).hasSize(before + 1);
        AuditEntry entry = FIXTURE.store.auditTrail().get(before).entry();
        assertThat(entry.action()).isEqualTo(AuditAction.SECRETS_READ);
        assertThat(entry.tenantId()).isEqualTo(TenantId.of("acme"));
        assertThat(entry.actor().subject()).isEqualTo("user-of-acme");
        assertThat(entry.actor().roles()).containsExactly("service");
    }
}
