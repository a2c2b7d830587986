package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.ResolvedValue;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The objects of the HTTP layer that carry secrets print as a name and an id, never their
 * values: a log line or a debugger's view of one must not become a leak.
 */
class PrintingTest {

    private final TenantConfig config = TestConfigs.aConfig("acme").version(3).build();

    @Test
    void a_configuration_view_prints_its_tenant_and_version_only() {
        TenantConfigView full = TenantConfigView.full(config);

        assertThat(full).hasToString("TenantConfigView[tenantId=acme, version=3]");
        assertThat(full.toString()).doesNotContain(config.token().accessToken().reveal());
    }

    @Test
    void a_resolved_view_prints_its_tenant_only() {
        Map<CredentialField, ResolvedValue> values = new EnumMap<>(CredentialField.class);
        for (CredentialField field : CredentialField.values()) {
            values.put(field, new ResolvedValue(field, "value-of-" + field, ValueSource.DATABASE));
        }
        ResolvedView view = ResolvedView.of(
                new ResolvedCredentials(TenantId.of("acme"), true, true, values, Optional.empty()),
                true,
                CapacityView.UNKNOWN);

        assertThat(view).hasToString("ResolvedView[tenantId=acme]");
    }

    @Test
    void an_onboarding_request_prints_its_ids_never_the_signup_code() {
        OnboardingRequest request = new OnboardingRequest(
                "AQD-signup-code", "FINISH", "555000111", "777000222", null, null, null, "1234567890");

        assertThat(request)
                .hasToString("OnboardingRequest[event=FINISH, wabaId=555000111, phoneNumberId=777000222,"
                        + " sessionId=1234567890]");
    }

    @Test
    void a_caller_prints_who_it_is_and_answers_to_its_subject_as_its_name() {
        CallerPrincipal caller = new CallerPrincipal(
                "u-1",
                TenantId.of("acme"),
                Set.of("admin"),
                List.of("admin"),
                "ann@acme.example",
                List.of(),
                Instant.parse("2026-03-01T10:05:00Z"));

        assertThat(caller.getName()).isEqualTo("u-1");
        assertThat(caller).hasToString("CallerPrincipal[subject=u-1, tenant=acme, roles=[admin]]");
    }
}
