package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.RemoveAccountUseCase;
import io.tenantconfig.application.port.in.SetAccountTokenUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.testing.SecretValues;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account use cases: one account's token set by hand, an account removed with its numbers. */
class AccountsTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ALICE = new Actor("alice");
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final MetaId PRIMARY = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final MetaId SUPPORT = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
    private static final MetaId SECOND = MetaId.parse("2002");
    private static final MetaId THIRD = MetaId.parse("3003");
    private static final Instant EXPIRES = Instant.parse("2026-09-01T00:00:00Z");

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final TestFeatures features = TestFeatures.over(
            store,
            new ScriptedMetaOnboarding(),
            variable -> Optional.empty(),
            OnboardingPolicy.DEFAULT,
            new ResolutionCounter(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** Acme's primary account holds the default number; the second holds two numbers, the third one. */
    @BeforeEach
    void acmeHasThreeAccounts() {
        TenantConfig one = TestConfigs.aConfig("acme").build();
        List<PhoneNumber> numbers = new ArrayList<>(one.phoneNumbers().all());
        numbers.add(PhoneNumber.added(MetaId.parse("7001"), SECOND, null, null));
        numbers.add(PhoneNumber.added(MetaId.parse("7002"), SECOND, null, null));
        numbers.add(PhoneNumber.added(MetaId.parse("7003"), THIRD, null, null));
        TenantConfig three = TestConfigs.from(one)
                .otherAccount(account(SECOND, "EAAG-token-of-the-second-account"))
                .otherAccount(account(THIRD, "EAAG-token-of-the-third-account"))
                .phoneNumbers(new PhoneNumbers(numbers, SUPPORT))
                .build();
        store.inTransaction(tx -> tx.insertIfAbsent(three));
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("globex").build()));
    }

    private static Account account(MetaId wabaId, String token) {
        return new Account(
                new WhatsAppAccount(wabaId, MetaId.parse("4022")),
                new TokenGrant(Secret.of(SecretValues.secret(token)), null, EXPIRES, NOW),
                "SYSTEM_USER",
                Set.of("whatsapp_business_management", "whatsapp_business_messaging"),
                AccountStanding.GOOD,
                null);
    }

    private TenantConfig acme() {
        return store.load(ACME).orElseThrow();
    }

    private WriteResult setToken(MetaId wabaId, String token, Instant expiresAt, ExpectedVersion expected) {
        return setToken(ACME, wabaId, token, expiresAt, expected);
    }

    private WriteResult setToken(
            TenantId tenant, MetaId wabaId, String token, Instant expiresAt, ExpectedVersion expected) {
        return features.accounts()
                .setAccountToken()
                .setAccountToken(new SetAccountTokenUseCase.Command(
                        tenant, ALICE, wabaId, Secret.of(SecretValues.secret(token)), expiresAt, expected));
    }

    private WriteResult remove(MetaId wabaId, ExpectedVersion expected) {
        return remove(ACME, wabaId, expected);
    }

    private WriteResult remove(TenantId tenant, MetaId wabaId, ExpectedVersion expected) {
        return features.accounts()
                .removeAccount()
                .removeAccount(new RemoveAccountUseCase.Command(tenant, ALICE, wabaId, expected));
    }

    private AuditEntry lastAudit() {
        return store.auditTrail().get(store.auditTrail().size() - 1).entry();
    }

    @Test
    void setting_one_accounts_token_changes_that_account_only_and_is_audited_as_an_update_of_its_fields() {
        TenantConfig before = acme();
        Instant newExpiry = Instant.parse("2026-12-01T00:00:00Z");

        WriteResult result =
                setToken(SECOND, "EAAG-new-token-of-the-second-account", newExpiry, ExpectedVersion.exactly(1));

        assertThat(result).isEqualTo(new WriteResult.Done(acme()));
        assertThat(acme().version()).isEqualTo(2);
        Account second = acme().accounts().find(SECOND).orElseThrow();
        assertThat(second.token().accessToken().reveal()).isEqualTo("EAAG-new-token-of-the-second-account");
        assertThat(second.token().expiresAt()).isEqualTo(newExpiry);
        assertThat(second.token().lastVerifiedAt())
                .as("what was known of the old token")
                .isNull();
        assertThat(second.tokenType()).isNull();
        assertThat(second.scopes()).as("the old token's scopes").isEmpty();
        assertThat(acme().accounts().find(PRIMARY)).isEqualTo(before.accounts().find(PRIMARY));
        assertThat(acme().accounts().find(THIRD)).isEqualTo(before.accounts().find(THIRD));
        assertThat(acme().phoneNumbers()).isEqualTo(before.phoneNumbers());
        assertThat(lastAudit().action()).isEqualTo(AuditAction.UPDATE);
        assertThat(lastAudit().actor()).isEqualTo(ALICE);
        assertThat(lastAudit().fields())
                .containsExactlyInAnyOrder(
                        "accounts.2002.access_token",
                        "accounts.2002.token_expires_at",
                        "accounts.2002.last_verified_at",
                        "accounts.2002.token_type",
                        "accounts.2002.token_scopes");
    }

    @Test
    void the_primary_accounts_token_is_audited_under_the_configurations_own_field_names() {
        setToken(PRIMARY, "EAAG-new-token-of-the-primary-account", null, ExpectedVersion.any());

        assertThat(acme().token().accessToken().reveal()).isEqualTo("EAAG-new-token-of-the-primary-account");
        assertThat(acme().token().expiresAt())
                .as("no expiry given: never, or unknown")
                .isNull();
        assertThat(lastAudit().action()).isEqualTo(AuditAction.UPDATE);
        assertThat(lastAudit().fields())
                .contains("access_token", "token_expires_at")
                .noneMatch(field -> field.startsWith("accounts."));
    }

    @Test
    void removing_an_account_removes_its_numbers_and_is_audited_naming_both() {
        TenantConfig before = acme();

        WriteResult result = remove(SECOND, ExpectedVersion.exactly(1));

        assertThat(result).isEqualTo(new WriteResult.Done(acme()));
        assertThat(acme().accounts().all()).extracting(Account::wabaId).containsExactly(PRIMARY, THIRD);
        assertThat(acme().phoneNumbers().all())
                .extracting(number -> number.id().value())
                .containsExactly(SUPPORT.value(), "7003");
        assertThat(acme().phoneNumbers().defaultId()).isEqualTo(SUPPORT);
        assertThat(acme().accounts().find(THIRD)).isEqualTo(before.accounts().find(THIRD));
        assertThat(lastAudit().action()).isEqualTo(AuditAction.ACCOUNT_REMOVED);
        assertThat(lastAudit().fields())
                .containsExactlyInAnyOrder("accounts.2002", "phone_numbers.7001", "phone_numbers.7002");
    }

    @Test
    void the_account_holding_the_default_goes_once_no_other_account_has_numbers() {
        remove(SECOND, ExpectedVersion.any());
        remove(THIRD, ExpectedVersion.any());

        WriteResult result = remove(PRIMARY, ExpectedVersion.any());

        assertThat(result).isInstanceOf(WriteResult.Done.class);
        assertThat(acme().accounts().size()).isZero();
        assertThat(acme().phoneNumbers().size()).isZero();
        assertThat(lastAudit().action()).isEqualTo(AuditAction.ACCOUNT_REMOVED);
        assertThat(lastAudit().fields())
                .as("the primary account's fields under the configuration's own names")
                .contains("waba_id", "access_token", "phone_number_id", "phone_numbers." + SUPPORT)
                .noneMatch(field -> field.startsWith("accounts."));
    }

    @Test
    void removing_the_account_holding_the_default_while_another_has_numbers_is_refused_and_nothing_changes() {
        TenantConfig before = acme();
        int recorded = store.auditTrail().size();

        WriteResult result = remove(PRIMARY, ExpectedVersion.any());

        assertThat(result)
                .isEqualTo(new WriteResult.Refused(new Refusal(
                        Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                        "the account " + PRIMARY + " holds the default number " + SUPPORT
                                + "; make another number the default first")));
        assertThat(acme()).isEqualTo(before);
        assertThat(store.auditTrail()).hasSize(recorded);
    }

    @Test
    void an_account_the_tenant_does_not_have_is_refused_for_both_writes_and_nothing_changes() {
        TenantConfig before = acme();
        int recorded = store.auditTrail().size();
        MetaId globexAccount = MetaId.parse(TestConfigs.wabaIdOf("globex"));

        for (MetaId unknown : List.of(MetaId.parse("9999"), globexAccount)) {
            assertThat(setToken(unknown, "EAAG-some-token", null, ExpectedVersion.any()))
                    .isInstanceOfSatisfying(
                            WriteResult.Refused.class,
                            refused ->
                                    assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.UNKNOWN_ACCOUNT));
            assertThat(remove(unknown, ExpectedVersion.any()))
                    .isInstanceOfSatisfying(
                            WriteResult.Refused.class,
                            refused ->
                                    assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.UNKNOWN_ACCOUNT));
        }
        assertThat(acme()).isEqualTo(before);
        assertThat(store.auditTrail()).hasSize(recorded);
        assertThat(store.load(TenantId.of("globex")).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void both_writes_honour_the_expected_version_and_need_a_configuration() {
        TenantConfig before = acme();
        int recorded = store.auditTrail().size();

        assertThat(setToken(SECOND, "EAAG-some-token", null, ExpectedVersion.exactly(7)))
                .isEqualTo(new WriteResult.VersionMismatch(1));
        assertThat(remove(SECOND, ExpectedVersion.exactly(7))).isEqualTo(new WriteResult.VersionMismatch(1));
        assertThat(setToken(TenantId.of("nobody"), SECOND, "EAAG-some-token", null, ExpectedVersion.any()))
                .isEqualTo(new WriteResult.NotFound());
        assertThat(remove(TenantId.of("nobody"), SECOND, ExpectedVersion.any())).isEqualTo(new WriteResult.NotFound());
        assertThat(acme()).isEqualTo(before);
        assertThat(store.auditTrail()).hasSize(recorded);
    }
}
