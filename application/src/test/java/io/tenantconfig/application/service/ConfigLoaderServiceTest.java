package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.ResolvedValue;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.CallbackSettings;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WhatsAppAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seed's ConfigLoader answers, and where each answer came from. */
class ConfigLoaderServiceTest {

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final Map<String, String> environment = new HashMap<>(Map.of(
            "WHATSAPP_PHONE_ID", "100000000000001",
            "WHATSAPP_TOKEN", "EAAG-platform-token",
            "VERIFY_TOKEN", "platform-verify",
            "CALLBACK_URL", "https://platform.example/webhook",
            "FB_APP_ID", "999",
            "FB_APP_SECRET", "platform-app-secret"));
    private final ResolutionCounter counter = new ResolutionCounter();
    private final ConfigurationFeature configuration = TestFeatures.over(
                    store,
                    new ScriptedMetaOnboarding(),
                    variable -> Optional.ofNullable(environment.get(variable)),
                    OnboardingPolicy.DEFAULT,
                    counter,
                    Clock.systemUTC())
            .configuration();
    private final ConfigLoader loader = configuration.configLoader();

    private void stored(TenantConfig config) {
        store.inTransaction(tx -> tx.insertIfAbsent(config));
    }

    private static ResolvedValue value(String value, ValueSource source, CredentialField field) {
        return new ResolvedValue(field, value, source);
    }

    @Test
    void scenario_1_a_new_tenant_gets_the_environment_values() {
        TenantId tenant = TenantId.of("new-tenant");

        assertThat(loader.hasTenantConfig(tenant)).isFalse();
        assertThat(loader.phoneNumberId(tenant))
                .isEqualTo(value("100000000000001", ValueSource.ENVIRONMENT, CredentialField.PHONE_NUMBER_ID));
        assertThat(loader.accessToken(tenant).source()).isEqualTo(ValueSource.ENVIRONMENT);
        assertThat(loader.isOnboardingCompleted(tenant)).isFalse();
    }

    @Test
    void scenario_2_an_onboarded_tenant_gets_its_database_values() {
        stored(TestConfigs.aConfig("onboarded-tenant")
                .onboardedAt(TestConfigs.CREATED_AT)
                .build());
        TenantId tenant = TenantId.of("onboarded-tenant");

        assertThat(loader.hasTenantConfig(tenant)).isTrue();
        assertThat(loader.isOnboardingCompleted(tenant)).isTrue();
        assertThat(loader.phoneNumberId(tenant))
                .isEqualTo(value(
                        TestConfigs.phoneNumberIdOf("onboarded-tenant"),
                        ValueSource.DATABASE,
                        CredentialField.PHONE_NUMBER_ID));
        assertThat(loader.accessToken(tenant).value()).isEqualTo("EAAG-access-token-of-onboarded-tenant");
    }

    @Test
    void an_active_config_not_yet_through_onboarding_is_used_but_not_reported_onboarded() {
        stored(TestConfigs.aConfig("signing-up").build());
        TenantId tenant = TenantId.of("signing-up");

        assertThat(loader.hasTenantConfig(tenant)).isTrue();
        assertThat(loader.isOnboardingCompleted(tenant)).isFalse();
        assertThat(loader.verifyToken(tenant))
                .isEqualTo(value("verify-signing-up", ValueSource.DATABASE, CredentialField.VERIFY_TOKEN));
        assertThat(loader.callbackUrl(tenant))
                .isEqualTo(value(
                        "https://signing-up.example/webhook", ValueSource.DATABASE, CredentialField.CALLBACK_URL));
        assertThat(loader.redirectUrl(tenant))
                .isEqualTo(value(
                        "https://signing-up.example/callback", ValueSource.DATABASE, CredentialField.REDIRECT_URL));
    }

    @Test
    void scenario_3_an_inactive_config_counts_as_absent() {
        stored(TestConfigs.aConfig("inactive-tenant")
                .active(false)
                .onboardedAt(TestConfigs.CREATED_AT)
                .build());
        TenantId tenant = TenantId.of("inactive-tenant");

        assertThat(loader.hasTenantConfig(tenant)).isFalse();
        assertThat(loader.isOnboardingCompleted(tenant)).isFalse();
        assertThat(loader.phoneNumberId(tenant))
                .isEqualTo(value("100000000000001", ValueSource.ENVIRONMENT, CredentialField.PHONE_NUMBER_ID));
        assertThat(loader.wabaId(tenant).source()).isEqualTo(ValueSource.NONE);
    }

    @Test
    void each_field_falls_back_on_its_own() {
        stored(TestConfigs.aMinimalConfig("partial")
                .phoneNumbers(PhoneNumbers.only(PhoneNumber.added(MetaId.parse("222"), null, null, null)))
                .callbacks(new CallbackSettings(null, VerifyToken.parse("own-verify"), null))
                .build());

        ResolvedCredentials credentials = loader.resolve(TenantId.of("partial"));

        assertThat(credentials.value(CredentialField.PHONE_NUMBER_ID).source()).isEqualTo(ValueSource.DATABASE);
        assertThat(credentials.value(CredentialField.VERIFY_TOKEN))
                .isEqualTo(value("own-verify", ValueSource.DATABASE, CredentialField.VERIFY_TOKEN));
        assertThat(credentials.value(CredentialField.ACCESS_TOKEN))
                .isEqualTo(value("EAAG-platform-token", ValueSource.ENVIRONMENT, CredentialField.ACCESS_TOKEN));
        assertThat(credentials.value(CredentialField.CALLBACK_URL).source()).isEqualTo(ValueSource.ENVIRONMENT);
        assertThat(credentials.value(CredentialField.FB_APP_SECRET).source()).isEqualTo(ValueSource.ENVIRONMENT);
        assertThat(credentials.value(CredentialField.REDIRECT_URL).source()).isEqualTo(ValueSource.NONE);
    }

    @Test
    void a_number_resolves_to_its_own_accounts_token_and_id_and_one_of_an_account_without_a_token_falls_back() {
        TenantConfig acme = TestConfigs.aConfig("acme").build();
        MetaId second = MetaId.parse("2020");
        MetaId withoutToken = MetaId.parse("3030");
        List<PhoneNumber> numbers = new ArrayList<>(acme.phoneNumbers().all());
        numbers.add(PhoneNumber.added(MetaId.parse("2021"), second, null, null));
        numbers.add(PhoneNumber.added(MetaId.parse("3031"), withoutToken, null, null));
        stored(TestConfigs.from(acme)
                .otherAccount(Account.added(
                        new WhatsAppAccount(second, null),
                        new TokenGrant(Secret.of("EAAG-second-account-token"), null, null, null)))
                .otherAccount(Account.added(new WhatsAppAccount(withoutToken, null), TokenGrant.NONE))
                .phoneNumbers(new PhoneNumbers(numbers, acme.phoneNumbers().defaultId()))
                .build());
        TenantId tenant = TenantId.of("acme");

        ResolvedCredentials ofSecond =
                loader.resolve(tenant, MetaId.parse("2021")).orElseThrow();
        ResolvedCredentials ofThird =
                loader.resolve(tenant, MetaId.parse("3031")).orElseThrow();
        ResolvedCredentials byAccount = loader.resolveAccount(tenant, second).orElseThrow();

        assertThat(ofSecond.value(CredentialField.ACCESS_TOKEN))
                .isEqualTo(value("EAAG-second-account-token", ValueSource.DATABASE, CredentialField.ACCESS_TOKEN));
        assertThat(ofSecond.value(CredentialField.WABA_ID))
                .isEqualTo(value("2020", ValueSource.DATABASE, CredentialField.WABA_ID));
        assertThat(byAccount.value(CredentialField.PHONE_NUMBER_ID))
                .isEqualTo(value("2021", ValueSource.DATABASE, CredentialField.PHONE_NUMBER_ID));
        assertThat(byAccount.value(CredentialField.ACCESS_TOKEN).value()).isEqualTo("EAAG-second-account-token");
        assertThat(ofThird.value(CredentialField.ACCESS_TOKEN))
                .as("never another account's token: it does not reach the number")
                .isEqualTo(value("EAAG-platform-token", ValueSource.ENVIRONMENT, CredentialField.ACCESS_TOKEN));
        assertThat(loader.resolve(tenant).value(CredentialField.ACCESS_TOKEN).value())
                .isEqualTo(acme.token().accessToken().reveal());
        assertThat(loader.resolveAccount(tenant, MetaId.parse("9999"))).isEmpty();
    }

    @Test
    void the_app_id_and_secret_fall_back_to_the_meta_names_when_the_fb_names_are_unset() {
        environment.remove("FB_APP_ID");
        environment.remove("FB_APP_SECRET");
        environment.put("META_APP_ID", "777");
        environment.put("META_APP_SECRET", "meta-named-secret");
        TenantId tenant = TenantId.of("new-tenant");

        assertThat(loader.appId(tenant)).isEqualTo(value("777", ValueSource.ENVIRONMENT, CredentialField.FB_APP_ID));
        assertThat(loader.appSecret(tenant).value()).isEqualTo("meta-named-secret");
    }

    @Test
    void waba_id_and_redirect_url_never_come_from_the_environment() {
        environment.put("WABA_ID", "123");
        environment.put("REDIRECT_URL", "https://x.example/cb");

        ResolvedCredentials credentials = loader.resolve(TenantId.of("new-tenant"));

        assertThat(credentials.value(CredentialField.WABA_ID).source()).isEqualTo(ValueSource.NONE);
        assertThat(credentials.value(CredentialField.REDIRECT_URL).source()).isEqualTo(ValueSource.NONE);
    }

    @Test
    void a_resolved_secret_prints_masked() {
        assertThat(loader.accessToken(TenantId.of("new-tenant")).toString())
                .doesNotContain("EAAG-platform-token")
                .contains("***oken");
    }

    @Test
    void resolutions_are_counted_by_source() {
        loader.resolve(TenantId.of("new-tenant"));

        assertThat(counter.snapshot())
                .containsEntry(ValueSource.ENVIRONMENT, 6L)
                .containsEntry(ValueSource.NONE, 2L)
                .containsEntry(ValueSource.DATABASE, 0L);
    }

    @Test
    void reading_the_credentials_in_clear_is_recorded_even_without_a_configuration() {
        ResolvedCredentials revealed =
                configuration.revealCredentials().reveal(TenantId.of("new-tenant"), new Actor("svc"));

        assertThat(revealed.value(CredentialField.ACCESS_TOKEN).value()).isEqualTo("EAAG-platform-token");
        assertThat(store.auditTrail())
                .singleElement()
                .satisfies(r -> assertThat(r.entry().action()).isEqualTo(AuditAction.SECRETS_READ));
    }

    @Test
    void while_the_database_cannot_be_reached_the_answer_is_the_last_known_one_marked_stale() {
        stored(TestConfigs.aConfig("acme").build());
        TenantId acme = TenantId.of("acme");
        assertThat(loader.resolve(acme).staleSince())
                .as("while the database answers")
                .isEmpty();
        Instant since = Instant.parse("2026-12-02T08:00:00Z");

        store.unreachableSince(since);

        ResolvedCredentials answer = loader.resolve(acme);
        assertThat(answer.staleSince()).contains(since);
        assertThat(answer.value(CredentialField.ACCESS_TOKEN))
                .isEqualTo(value("EAAG-access-token-of-acme", ValueSource.DATABASE, CredentialField.ACCESS_TOKEN));
        assertThat(answer.value(CredentialField.VERIFY_TOKEN).source()).isEqualTo(ValueSource.DATABASE);
        assertThat(loader.resolve(acme, MetaId.parse(TestConfigs.phoneNumberIdOf("acme"))))
                .hasValueSatisfying(
                        forNumber -> assertThat(forNumber.staleSince()).contains(since));
        assertThat(loader.resolve(TenantId.of("unknown")).staleSince())
                .as("a tenant without a configuration: the fallback, stale as well")
                .contains(since);
    }

    @Test
    void a_reveal_from_the_stale_copy_is_answered_without_writing_to_the_unreachable_audit_trail() {
        stored(TestConfigs.aConfig("acme").build());
        store.unreachableSince(Instant.parse("2026-12-02T08:00:00Z"));

        ResolvedCredentials revealed = configuration.revealCredentials().reveal(TenantId.of("acme"), new Actor("svc"));

        assertThat(revealed.isStale()).isTrue();
        assertThat(revealed.value(CredentialField.ACCESS_TOKEN).value()).isEqualTo("EAAG-access-token-of-acme");
        assertThat(store.auditTrail()).isEmpty();
    }
}
