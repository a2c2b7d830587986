package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase.Sender;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase.Receipt;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase.WebhookChange;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateComponent;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateQuality;
import io.tenantconfig.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta's four template webhooks applied to the account's catalogue in the webhook's transaction,
 * with the values of Meta's webhook references
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update/,
 * .../message_template_quality_update/, .../template_category_update/, .../message_template_components_update/).
 */
class TemplateWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final MetaId ACME_WABA = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final MetaId ACME_NUMBER = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
    private static final Template.Key WELCOME =
            new Template.Key(TemplateName.parse("welcome_template"), TemplateLanguage.parse("en_US"));

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final MovableClock clock = new MovableClock(NOW);
    private final TestFeatures features = TestFeatures.over(
            store,
            new ScriptedMetaOnboarding(),
            new ScriptedMetaHealth(),
            variable -> Optional.empty(),
            TestFeatures.Settings.DEFAULT,
            new ResolutionCounter(),
            clock);

    @BeforeEach
    void acmeHasWelcomeTemplateApprovedAndGreen() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        features.templateMeta()
                .has(
                        ACME_WABA,
                        List.of(new Template(
                                MetaId.parse("806312974732579"),
                                WELCOME.name(),
                                WELCOME.language(),
                                TemplateStatus.APPROVED,
                                TemplateCategory.UTILITY,
                                TemplateQuality.parse("GREEN"),
                                null,
                                List.of(TemplateComponent.header("TEXT", 0), TemplateComponent.body(1)))));
        features.templates().syncTemplates().sync(ACME);
        store.forgetReceivedAndPublished();
    }

    private Receipt receive(MetaId entryId, String field, Map<String, String> facts) {
        return features.webhooks()
                .receiveWebhook()
                .receive(
                        Sender.PLATFORM,
                        List.of(new WebhookChange(entryId, field, null, new TreeMap<>(facts).toString(), null, facts)));
    }

    private Template lookedUp() {
        return features.templates()
                .lookupTemplate()
                .lookup(ACME_NUMBER, WELCOME)
                .orElseThrow()
                .template();
    }

    private List<PlatformEvent> templateEvents() {
        return store.events().stream()
                .filter(e -> e.type().equals(PlatformEvent.TEMPLATE_CHANGED))
                .toList();
    }

    @Test
    void a_paused_template_is_looked_up_as_paused_and_the_platform_hears_of_it() {
        receive(
                ACME_WABA,
                "message_template_status_update",
                Map.of(
                        "event", "PAUSED",
                        "message_template_id", "806312974732579",
                        "message_template_name", "welcome_template",
                        "message_template_language", "en-US",
                        "reason", "NONE",
                        "other_info.title", "FIRST_PAUSE"));

        assertThat(lookedUp().status()).isEqualTo(TemplateStatus.PAUSED);
        assertThat(lookedUp().status().sendable()).isFalse();
        assertThat(templateEvents())
                .singleElement()
                .satisfies(event -> assertThat(event.data())
                        .containsEntry("waba_id", ACME_WABA.value())
                        .containsEntry("status", "PAUSED")
                        .containsEntry("previous_status", "APPROVED")
                        .containsEntry("rejection_reason", null));
        assertThat(store.received()).as("kept and delivered as any change").hasSize(1);
    }

    @Test
    void a_quality_and_a_category_update_change_the_template_and_are_each_an_event() {
        receive(
                ACME_WABA,
                "message_template_quality_update",
                Map.of(
                        "previous_quality_score", "GREEN",
                        "new_quality_score", "YELLOW",
                        "message_template_id", "806312974732579",
                        "message_template_name", "welcome_template",
                        "message_template_language", "en-US"));
        receive(
                ACME_WABA,
                "template_category_update",
                Map.of(
                        "message_template_id", "806312974732579",
                        "message_template_name", "welcome_template",
                        "message_template_language", "en_US",
                        "previous_category", "UTILITY",
                        "new_category", "MARKETING"));

        assertThat(lookedUp().quality()).isEqualTo(TemplateQuality.parse("YELLOW"));
        assertThat(lookedUp().category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(templateEvents())
                .extracting(e -> e.data().get("changed"))
                .containsExactly(List.of("quality"), List.of("category"));
    }

    @Test
    void a_components_update_changes_the_parameter_counts_without_an_event_and_has_the_account_read_again() {
        store.templates().done(ACME_WABA, "nobody", NOW.plusSeconds(21_600));

        receive(
                ACME_WABA,
                "message_template_components_update",
                Map.of(
                        "message_template_id", "806312974732579",
                        "message_template_name", "welcome_template",
                        "message_template_language", "en_US",
                        "message_template_element", "Hello {{1}}, your code is {{2}}",
                        "message_template_buttons.0.message_template_button_type", "URL",
                        "message_template_buttons.0.message_template_button_url", "https://example.com/{{1}}"));

        assertThat(lookedUp().components())
                .containsExactly(
                        TemplateComponent.header("TEXT", 0),
                        TemplateComponent.body(2),
                        TemplateComponent.button(0, "URL", 1));
        assertThat(templateEvents()).isEmpty();
        assertThat(store.templates().nextReadOf(ACME_WABA)).contains(NOW);
    }

    @Test
    void a_template_approved_before_the_catalogue_knew_it_is_added_and_its_account_read_again_soon() {
        receive(
                ACME_WABA,
                "message_template_status_update",
                Map.of(
                        "event", "APPROVED",
                        "message_template_id", "1689556908129832",
                        "message_template_name", "order_confirmation",
                        "message_template_language", "en-US",
                        "reason", "NONE",
                        "message_template_category", "UTILITY"));

        Template added = features.templates()
                .lookupTemplate()
                .lookup(
                        ACME_NUMBER,
                        new Template.Key(TemplateName.parse("order_confirmation"), TemplateLanguage.parse("en_US")))
                .orElseThrow()
                .template();
        assertThat(added.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(added.category()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(store.templates().nextReadOf(ACME_WABA)).contains(NOW);
        assertThat(templateEvents()).hasSize(1);
    }

    @Test
    void a_template_webhook_for_an_account_nobody_owns_is_stored_as_unroutable() {
        Receipt receipt = receive(
                MetaId.parse("999000999"),
                "message_template_status_update",
                Map.of(
                        "event", "PAUSED",
                        "message_template_name", "welcome_template",
                        "message_template_language", "en_US"));

        assertThat(receipt.unroutable()).isEqualTo(1);
        assertThat(store.unroutableCount()).isEqualTo(1);
        assertThat(lookedUp().status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(templateEvents()).isEmpty();
    }

    @Test
    void a_flagged_template_keeps_its_status_and_a_webhook_naming_no_template_changes_nothing() {
        receive(
                ACME_WABA,
                "message_template_status_update",
                Map.of(
                        "event", "FLAGGED",
                        "message_template_name", "welcome_template",
                        "message_template_language", "en_US"));
        receive(ACME_WABA, "message_template_status_update", Map.of("event", "PAUSED"));

        assertThat(lookedUp().status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(templateEvents()).isEmpty();
        assertThat(store.received()).hasSize(2);
    }
}
