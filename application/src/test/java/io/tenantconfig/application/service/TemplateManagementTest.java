package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaTemplates;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.CreateTemplateUseCase;
import io.tenantconfig.application.port.in.DeleteTemplateUseCase;
import io.tenantconfig.application.port.in.TemplateResult;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaTemplates.CreatedTemplate;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.domain.template.DraftComponent;
import io.tenantconfig.domain.template.ParameterFormat;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateDraft;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.testing.SecretValues;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Templates created and deleted at Meta in the tenant's account, with its token, audited; nothing stored. */
class TemplateManagementTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ALICE = new Actor("alice");
    private static final MetaId WABA = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final MetaId SECOND = MetaId.parse("102290129340399");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC);
    private static final TemplateDraft ORDER_SHIPPED = new TemplateDraft(
            TemplateName.parse("order_shipped"),
            TemplateLanguage.parse("en_US"),
            TemplateCategory.UTILITY,
            ParameterFormat.POSITIONAL,
            null,
            List.of(DraftComponent.text(DraftComponent.Type.BODY, "Your order has shipped.")));

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaTemplates meta = new ScriptedMetaTemplates();
    private final TemplateManagementFeature templates =
            new TemplateManagementFeature(store, meta, store.templates(), CLOCK);

    private void acmeHasOneAccount() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
    }

    private Secret acmesSecondToken() {
        Secret token = Secret.of(SecretValues.secret("EAAG-token-of-the-second-account"));
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme")
                .otherAccount(new Account(
                        new WhatsAppAccount(SECOND, null),
                        new TokenGrant(token, null, null, null),
                        "SYSTEM_USER",
                        Set.of(),
                        AccountStanding.GOOD,
                        null))
                .build()));
        return token;
    }

    private TemplateResult<CreatedTemplate> create(MetaId wabaId) {
        return templates.createTemplate().create(new CreateTemplateUseCase.Command(ACME, ALICE, wabaId, ORDER_SHIPPED));
    }

    private List<AuditEntry> audit() {
        return store.auditTrail().stream().map(AuditRecord::entry).toList();
    }

    @Test
    void a_template_is_created_in_the_tenants_only_account_audited_and_its_catalogue_read_again_at_once() {
        acmeHasOneAccount();

        TemplateResult<CreatedTemplate> result = create(null);

        assertThat(result).isInstanceOfSatisfying(TemplateResult.Done.class, done -> {
            assertThat(done.wabaId()).isEqualTo(WABA);
            assertThat(((CreatedTemplate) done.answer()).status()).isEqualTo("PENDING");
        });
        assertThat(meta.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.wabaId()).isEqualTo(WABA));
        assertThat(audit())
                .containsExactly(new AuditEntry(
                        ALICE,
                        ACME,
                        AuditAction.TEMPLATE_CREATED,
                        Set.of("accounts." + WABA + ".templates.order_shipped.en_US")));
        assertThat(store.templates().nextReadOf(WABA))
                .as("the catalogue reads the new template back from Meta at the next round")
                .contains(CLOCK.instant());
    }

    @Test
    void with_several_accounts_the_one_named_is_used_with_its_own_token() {
        Secret second = acmesSecondToken();

        assertThat(create(SECOND)).isInstanceOf(TemplateResult.Done.class);

        assertThat(meta.calls()).singleElement().satisfies(call -> {
            assertThat(call.wabaId()).isEqualTo(SECOND);
            assertThat(call.token().reveal()).isEqualTo(second.reveal());
        });
    }

    @Test
    void with_several_accounts_and_none_named_meta_is_not_asked() {
        acmesSecondToken();

        TemplateResult<CreatedTemplate> result = create(null);

        assertThat(result)
                .isInstanceOfSatisfying(
                        TemplateResult.Refused.class,
                        refused -> assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.ACCOUNT_NEEDED));
        assertThat(meta.calls()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void an_account_the_tenant_does_not_have_is_refused_before_meta_is_asked() {
        acmeHasOneAccount();

        assertThat(create(SECOND))
                .isInstanceOfSatisfying(
                        TemplateResult.Refused.class,
                        refused -> assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.UNKNOWN_ACCOUNT));
        assertThat(meta.calls()).isEmpty();
    }

    @Test
    void a_tenant_without_a_configuration_is_not_found() {
        assertThat(create(null)).isInstanceOf(TemplateResult.NotFound.class);
    }

    @Test
    void metas_refusal_is_answered_and_nothing_is_audited() {
        acmeHasOneAccount();
        MetaFailure taken =
                new MetaFailure(MetaFailure.Kind.REJECTED, "Invalid parameter", 100, 2388024, "AbCdEf", null);
        meta.failsWith(taken);

        TemplateResult<CreatedTemplate> result = create(null);

        assertThat(result).isEqualTo(new TemplateResult.MetaFailed<CreatedTemplate>(WABA, taken));
        assertThat(audit()).isEmpty();
    }

    @Test
    void deleting_one_language_names_its_id_at_meta_and_in_the_audit_trail() {
        acmeHasOneAccount();
        MetaId hsm = MetaId.parse("1407680676729941");

        TemplateResult<TemplateName> result = templates
                .deleteTemplate()
                .delete(new DeleteTemplateUseCase.Command(ACME, ALICE, null, TemplateName.parse("order_shipped"), hsm));

        assertThat(result).isEqualTo(new TemplateResult.Done<>(WABA, TemplateName.parse("order_shipped")));
        assertThat(meta.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.templateId()).isEqualTo(hsm));
        assertThat(audit())
                .containsExactly(new AuditEntry(
                        ALICE,
                        ACME,
                        AuditAction.TEMPLATE_DELETED,
                        Set.of("accounts." + WABA + ".templates.order_shipped." + hsm)));
        assertThat(store.templates().nextReadOf(WABA)).contains(CLOCK.instant());
    }
}
