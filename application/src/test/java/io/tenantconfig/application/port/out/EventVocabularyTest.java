package io.tenantconfig.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.DomainEvent.ReauthorizationRequired.FoundBy;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one vocabulary: every kind of domain event, what the audit trail records of it (the stored
 * action names never change) and what the rest of the platform hears of it (type and data).
 */
class EventVocabularyTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Set<String> FIELDS = Set.of("access_token");
    private static final Actor ALICE = new Actor("alice");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void every_kind_of_event_is_recorded_as_its_stored_audit_action_or_not_at_all() {
        Map<DomainEvent, AuditAction> audited = new LinkedHashMap<>();
        audited.put(new DomainEvent.Created(ACME, FIELDS), AuditAction.CREATE);
        audited.put(new DomainEvent.SettingsChanged(ACME, FIELDS), AuditAction.UPDATE);
        audited.put(new DomainEvent.Activated(ACME, FIELDS), AuditAction.ACTIVATE);
        audited.put(new DomainEvent.Deactivated(ACME, FIELDS), AuditAction.DEACTIVATE);
        audited.put(new DomainEvent.TokenExchanged(ACME, FIELDS), AuditAction.ONBOARDING_TOKEN_EXCHANGED);
        audited.put(new DomainEvent.TokenVerified(ACME, FIELDS, NOW), AuditAction.TOKEN_VERIFIED);
        audited.put(new DomainEvent.RegistrationPinChosen(ACME, FIELDS), AuditAction.UPDATE);
        audited.put(new DomainEvent.WebhookSubscribed(ACME, FIELDS), AuditAction.ONBOARDING_WEBHOOK_SUBSCRIBED);
        audited.put(new DomainEvent.WebhookResubscribed(ACME, FIELDS), AuditAction.WEBHOOK_RESUBSCRIBED);
        audited.put(new DomainEvent.PhoneRegistered(ACME, FIELDS), AuditAction.ONBOARDING_PHONE_REGISTERED);
        audited.put(new DomainEvent.OnboardingCompleted(ACME, FIELDS), AuditAction.ONBOARDING_COMPLETED);
        audited.put(
                new DomainEvent.ReauthorizationRequired(ACME, FIELDS, FoundBy.ONBOARDING),
                AuditAction.ONBOARDING_REAUTHORIZATION_REQUIRED);
        audited.put(
                new DomainEvent.ReauthorizationRequired(ACME, FIELDS, FoundBy.HEALTH_CHECK),
                AuditAction.ONBOARDING_REAUTHORIZATION_REQUIRED);
        audited.put(new DomainEvent.TokenRefreshed(ACME, FIELDS, NOW), AuditAction.TOKEN_REFRESHED);
        audited.put(new DomainEvent.PhoneNumberAdded(ACME, FIELDS), AuditAction.PHONE_NUMBER_ADDED);
        audited.put(new DomainEvent.PhoneNumberChanged(ACME, FIELDS), AuditAction.PHONE_NUMBER_CHANGED);
        audited.put(new DomainEvent.PhoneNumberRemoved(ACME, FIELDS), AuditAction.PHONE_NUMBER_REMOVED);
        audited.put(
                new DomainEvent.AccountStandingChanged(ACME, FIELDS, MetaId.parse("102290"), AccountStanding.GOOD),
                AuditAction.ACCOUNT_STANDING_CHANGED);

        audited.forEach((event, action) -> assertThat(AuditEntry.of(ALICE, event))
                .as("%s", event)
                .contains(new AuditEntry(ALICE, ACME, action, FIELDS)));
    }

    @Test
    void deletes_and_reads_of_secrets_are_recorded_without_fields() {
        assertThat(AuditEntry.of(ALICE, new DomainEvent.ConfigDeleted(ACME, DomainEvent.ConfigDeleted.By.TENANT)))
                .contains(new AuditEntry(ALICE, ACME, AuditAction.DELETE, Set.of()));
        assertThat(AuditEntry.of(ALICE, new DomainEvent.ConfigDeleted(ACME, DomainEvent.ConfigDeleted.By.ADMIN)))
                .contains(new AuditEntry(ALICE, ACME, AuditAction.DELETE_TENANT, Set.of()));
        assertThat(AuditEntry.of(ALICE, new DomainEvent.AllConfigsDeleted(3)))
                .as("about every tenant")
                .contains(new AuditEntry(ALICE, null, AuditAction.DELETE_ALL, Set.of()));
        assertThat(AuditEntry.of(ALICE, new DomainEvent.SecretsRead(ACME)))
                .contains(new AuditEntry(ALICE, ACME, AuditAction.SECRETS_READ, Set.of()));
    }

    @Test
    void templates_and_business_profiles_changed_at_meta_are_audited_by_what_they_named_and_not_announced() {
        MetaId waba = MetaId.parse("102290");
        List<DomainEvent> events = List.of(
                new DomainEvent.TemplateCreated(
                        ACME,
                        waba,
                        TemplateName.parse("order_shipped"),
                        TemplateLanguage.parse("pt_BR"),
                        MetaId.parse("594425479261596")),
                new DomainEvent.TemplateDeleted(ACME, waba, TemplateName.parse("order_shipped"), null),
                new DomainEvent.BusinessProfileChanged(ACME, MetaId.parse("106540"), Set.of("about", "websites")));

        assertThat(events.stream().map(event -> AuditEntry.of(ALICE, event).orElseThrow()))
                .containsExactly(
                        new AuditEntry(
                                ALICE,
                                ACME,
                                AuditAction.TEMPLATE_CREATED,
                                Set.of("accounts.102290.templates.order_shipped.pt_BR")),
                        new AuditEntry(
                                ALICE,
                                ACME,
                                AuditAction.TEMPLATE_DELETED,
                                Set.of("accounts.102290.templates.order_shipped")),
                        new AuditEntry(
                                ALICE,
                                ACME,
                                AuditAction.BUSINESS_PROFILE_CHANGED,
                                Set.of("phone_numbers.106540.profile.about", "phone_numbers.106540.profile.websites")));
        events.forEach(event ->
                assertThat(PlatformEvent.of(event, NOW)).as("%s", event).isEmpty());
    }

    @Test
    void health_and_changes_from_meta_are_announced_and_never_audited() {
        assertThat(AuditEntry.of(ALICE, healthChanged())).isEmpty();
        assertThat(AuditEntry.of(ALICE, whatsAppChange())).isEmpty();
    }

    @Test
    void only_the_facts_the_platform_hears_of_become_platform_events() {
        List<DomainEvent> kept = List.of(
                new DomainEvent.Created(ACME, FIELDS),
                new DomainEvent.SettingsChanged(ACME, FIELDS),
                new DomainEvent.Activated(ACME, FIELDS),
                new DomainEvent.Deactivated(ACME, FIELDS),
                new DomainEvent.TokenExchanged(ACME, FIELDS),
                new DomainEvent.TokenVerified(ACME, FIELDS, NOW),
                new DomainEvent.RegistrationPinChosen(ACME, FIELDS),
                new DomainEvent.WebhookSubscribed(ACME, FIELDS),
                new DomainEvent.WebhookResubscribed(ACME, FIELDS),
                new DomainEvent.PhoneRegistered(ACME, FIELDS),
                new DomainEvent.OnboardingCompleted(ACME, FIELDS),
                new DomainEvent.ReauthorizationRequired(ACME, FIELDS, FoundBy.ONBOARDING),
                new DomainEvent.PhoneNumberAdded(ACME, FIELDS),
                new DomainEvent.PhoneNumberChanged(ACME, FIELDS),
                new DomainEvent.PhoneNumberRemoved(ACME, FIELDS),
                new DomainEvent.ConfigDeleted(ACME, DomainEvent.ConfigDeleted.By.ADMIN),
                new DomainEvent.AllConfigsDeleted(3),
                new DomainEvent.SecretsRead(ACME));

        kept.forEach(event ->
                assertThat(PlatformEvent.of(event, NOW)).as("%s", event).isEmpty());
    }

    @Test
    void a_refreshed_token_is_announced_with_its_new_expiry_if_it_has_one() {
        assertThat(PlatformEvent.of(new DomainEvent.TokenRefreshed(ACME, FIELDS, NOW), NOW))
                .contains(new PlatformEvent(
                        "token.refreshed", ACME, NOW, Map.of("token_expires_at", "2026-12-01T00:00:00Z")));
        assertThat(PlatformEvent.of(new DomainEvent.TokenRefreshed(ACME, FIELDS, null), NOW))
                .contains(new PlatformEvent("token.refreshed", ACME, NOW, Map.of()));
    }

    @Test
    void a_token_refused_is_announced_when_a_health_check_found_it() {
        assertThat(PlatformEvent.of(new DomainEvent.ReauthorizationRequired(ACME, FIELDS, FoundBy.HEALTH_CHECK), NOW))
                .contains(new PlatformEvent("reauthorization.required", ACME, NOW, Map.of()));
    }

    @Test
    void a_standing_change_is_announced_with_the_standing() {
        AccountStanding banned = new AccountStanding(AccountStanding.Status.DISABLED, "DISABLED_UPDATE", "banned", NOW);

        Optional<PlatformEvent> event = PlatformEvent.of(
                new DomainEvent.AccountStandingChanged(ACME, FIELDS, MetaId.parse("102290"), banned), NOW);

        assertThat(event).map(PlatformEvent::type).contains("account.standing_changed");
        assertThat(event.orElseThrow().data())
                .containsExactly(
                        Map.entry("waba_id", "102290"),
                        Map.entry("standing", "DISABLED"),
                        Map.entry("serving", false),
                        Map.entry("event", "DISABLED_UPDATE"),
                        Map.entry("detail", "banned"));
    }

    @Test
    void a_health_change_is_announced_with_both_states_and_the_new_reasons() {
        Optional<PlatformEvent> event = PlatformEvent.of(healthChanged(), NOW);

        assertThat(event).map(PlatformEvent::type).contains("health.changed");
        assertThat(event.orElseThrow().data())
                .containsExactly(
                        Map.entry("state", "INVALID"),
                        Map.entry("previous_state", "UNKNOWN"),
                        Map.entry("reasons", List.of("TOKEN_INVALID")));
    }

    @Test
    void a_change_from_meta_is_announced_with_its_value_as_sent() {
        Optional<PlatformEvent> event = PlatformEvent.of(whatsAppChange(), NOW);

        assertThat(event).map(PlatformEvent::type).contains("whatsapp.change");
        assertThat(event.orElseThrow().data())
                .containsExactly(
                        Map.entry("phone_number_id", "1001"),
                        Map.entry("waba_id", "2002"),
                        Map.entry("field", "messages"),
                        Map.entry("value", new JsonText("{\"a\":1}")));
    }

    private static DomainEvent healthChanged() {
        Health invalid = new Health(
                List.of(new HealthReason(HealthReason.Code.TOKEN_INVALID, "refused")),
                NOW,
                null,
                List.of(),
                null,
                null);
        return new DomainEvent.HealthChanged(ACME, Health.NEVER_CHECKED, invalid);
    }

    private static DomainEvent whatsAppChange() {
        return new DomainEvent.WhatsAppChangeReceived(
                ACME, MetaId.parse("2002"), MetaId.parse("1001"), "messages", "{\"a\":1}");
    }
}
