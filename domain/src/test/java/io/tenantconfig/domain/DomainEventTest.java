package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.DomainEvent.ReauthorizationRequired.FoundBy;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainEventTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static List<DomainEvent> oneOfEachKind() {
        Set<String> fields = Set.of("access_token");
        return List.of(
                new DomainEvent.Created(ACME, fields),
                new DomainEvent.SettingsChanged(ACME, fields),
                new DomainEvent.Activated(ACME, fields),
                new DomainEvent.Deactivated(ACME, fields),
                new DomainEvent.TokenExchanged(ACME, fields),
                new DomainEvent.TokenVerified(ACME, fields, NOW),
                new DomainEvent.RegistrationPinChosen(ACME, fields),
                new DomainEvent.WebhookSubscribed(ACME, fields),
                new DomainEvent.WebhookResubscribed(ACME, fields),
                new DomainEvent.VerificationCodeRequested(ACME, fields),
                new DomainEvent.PhoneNumberVerified(ACME, fields),
                new DomainEvent.PhoneNumberRegistered(ACME, fields),
                new DomainEvent.PhoneRegistered(ACME, fields),
                new DomainEvent.OnboardingCompleted(ACME, fields),
                new DomainEvent.ReauthorizationRequired(ACME, fields, FoundBy.HEALTH_CHECK),
                new DomainEvent.TokenRefreshed(ACME, fields, NOW),
                new DomainEvent.PhoneNumberAdded(ACME, fields),
                new DomainEvent.PhoneNumberChanged(ACME, fields),
                new DomainEvent.PhoneNumberRemoved(ACME, fields),
                new DomainEvent.AccountRemoved(ACME, fields),
                new DomainEvent.AccountStandingChanged(ACME, fields, MetaId.parse("500"), AccountStanding.GOOD),
                new DomainEvent.ConfigDeleted(ACME, DomainEvent.ConfigDeleted.By.TENANT),
                new DomainEvent.AllConfigsDeleted(2),
                new DomainEvent.SecretsRead(ACME),
                new DomainEvent.HealthChanged(ACME, Health.NEVER_CHECKED, Health.NEVER_CHECKED),
                new DomainEvent.WhatsAppChangeReceived(ACME, null, null, "account_update", "{}"),
                new DomainEvent.TemplateChanged(
                        ACME,
                        MetaId.parse("102290129340398"),
                        new io.tenantconfig.domain.template.TemplateChange(
                                null,
                                new io.tenantconfig.domain.template.Template(
                                        null,
                                        TemplateName.parse("order_shipped"),
                                        TemplateLanguage.parse("en_US"),
                                        io.tenantconfig.domain.template.TemplateStatus.APPROVED,
                                        null,
                                        null,
                                        null,
                                        List.of()))),
                new DomainEvent.TemplateCreated(
                        ACME,
                        MetaId.parse("500"),
                        TemplateName.parse("order_shipped"),
                        TemplateLanguage.parse("en_US"),
                        MetaId.parse("600")),
                new DomainEvent.TemplateDeleted(ACME, MetaId.parse("500"), TemplateName.parse("order_shipped"), null),
                new DomainEvent.BusinessProfileChanged(ACME, MetaId.parse("700"), Set.of("about")));
    }

    @Test
    void a_mapping_that_names_no_kind_answers_otherwise_for_each_of_them() {
        DomainEvent.Partial<DomainEvent> itself = event -> event;

        oneOfEachKind().forEach(event -> assertThat(event.accept(itself)).isSameAs(event));
    }

    @Test
    void every_kind_of_event_is_listed_here() {
        Set<Class<?>> kinds = new HashSet<>();
        oneOfEachKind().forEach(event -> kinds.add(event.getClass()));

        assertThat(kinds).hasSize(DomainEvent.Visitor.class.getDeclaredMethods().length);
    }

    @Test
    void a_change_names_its_tenant_and_keeps_its_own_copy_of_the_fields() {
        Set<String> fields = new HashSet<>(Set.of("callback_url"));
        DomainEvent event = new DomainEvent.SettingsChanged(ACME, fields);
        fields.add("access_token");

        assertThat(event.fields()).containsExactly("callback_url");
        assertThat(event.tenantId()).isEqualTo(ACME);
        assertThatThrownBy(() -> new DomainEvent.Created(null, Set.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void deleting_every_configuration_concerns_no_one_tenant_and_no_field() {
        DomainEvent event = new DomainEvent.AllConfigsDeleted(2);

        assertThat(event.tenantId()).isNull();
        assertThat(event.fields()).isEmpty();
    }
}
