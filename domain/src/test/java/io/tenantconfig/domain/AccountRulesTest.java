package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.AccountStanding.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A tenant's several WhatsApp Business Accounts: each holds its own numbers, token and standing. */
class AccountRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");
    private static final UserId ALICE = UserId.of("alice");
    private static final MetaId WABA_1 = MetaId.parse("111");
    private static final MetaId WABA_2 = MetaId.parse("222");
    private static final MetaId WABA_3 = MetaId.parse("333");
    private static final MetaId NUMBER_1 = MetaId.parse("1111");
    private static final MetaId NUMBER_2 = MetaId.parse("2222");
    private static final MetaId NUMBER_3 = MetaId.parse("3333");
    private static final AccountStanding BANNED =
            new AccountStanding(Status.DISABLED, "DISABLED_UPDATE", "banned", NOW);

    private static AccessGrant grant(String token) {
        return new AccessGrant(Secret.of(token), null);
    }

    private static SignupAccount signup(MetaId wabaId, MetaId number) {
        return new SignupAccount(wabaId, number, null, null);
    }

    /** Signed up three times, for three accounts: 111 (number 1111, the default), 222 (2222) and 333 (3333). */
    private static TenantConfig withThreeAccounts() {
        TenantConfig one = Signups.first(ACME, ALICE, signup(WABA_1, NUMBER_1), grant("EAAG-token-111"), CLOCK)
                .config();
        TenantConfig two = changed(one.reauthorize(
                        ALICE, signup(WABA_2, NUMBER_2), grant("EAAG-token-222"), TestLimits.MOST, CLOCK))
                .config();
        return changed(two.reauthorize(
                        ALICE, signup(WABA_3, NUMBER_3), grant("EAAG-token-333"), TestLimits.MOST, CLOCK))
                .config();
    }

    private static Account account(TenantConfig config, MetaId wabaId) {
        return config.accounts().find(wabaId).orElseThrow();
    }

    private static String tokenOf(TenantConfig config, MetaId wabaId) {
        return account(config, wabaId).token().accessToken().reveal();
    }

    private static List<String> wabaIds(TenantConfig config) {
        return config.accounts().all().stream().map(a -> a.wabaId().value()).toList();
    }

    /** Each number as {@code <id>@<waba_id>}, in the order added. */
    private static List<String> numbersByAccount(TenantConfig config) {
        return config.phoneNumbers().all().stream()
                .map(n -> n.id().value() + "@" + n.wabaId().value())
                .toList();
    }

    private static PhoneNumberUpdate makingDefault() {
        return new PhoneNumberUpdate(FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.to(true));
    }

    @Test
    void a_tenant_holds_three_accounts_each_with_its_own_numbers_and_token() {
        TenantConfig config = withThreeAccounts();

        assertThat(wabaIds(config)).containsExactly("111", "222", "333");
        assertThat(numbersByAccount(config)).containsExactly("1111@111", "2222@222", "3333@333");
        assertThat(tokenOf(config, WABA_1)).isEqualTo("EAAG-token-111");
        assertThat(tokenOf(config, WABA_2)).isEqualTo("EAAG-token-222");
        assertThat(tokenOf(config, WABA_3)).isEqualTo("EAAG-token-333");
        assertThat(config.accountOf(NUMBER_2).orElseThrow().wabaId()).isEqualTo(WABA_2);
        assertThat(config.accountOf(MetaId.parse("777"))).isEmpty();
        assertThat(config.primaryAccount().wabaId()).isEqualTo(WABA_1);
        assertThat(config.inService()).isTrue();
        config.phoneNumbers()
                .all()
                .forEach(number -> assertThat(config.inService(number)).isTrue());
    }

    @Test
    void a_signup_of_a_new_account_adds_it_with_its_number_and_keeps_the_others_tokens_and_numbers() {
        TenantConfig two = changed(Signups.first(ACME, ALICE, signup(WABA_1, NUMBER_1), grant("EAAG-token-111"), CLOCK)
                        .config()
                        .reauthorize(ALICE, signup(WABA_2, NUMBER_2), grant("EAAG-token-222"), TestLimits.MOST, CLOCK))
                .config();

        Changed signedUp = changed(
                two.reauthorize(ALICE, signup(WABA_3, NUMBER_3), grant("EAAG-token-333"), TestLimits.MOST, CLOCK));

        TenantConfig config = signedUp.config();
        assertThat(wabaIds(config)).containsExactly("111", "222", "333");
        assertThat(numbersByAccount(config)).containsExactly("1111@111", "2222@222", "3333@333");
        assertThat(account(config, WABA_1)).isEqualTo(account(two, WABA_1));
        assertThat(account(config, WABA_2)).isEqualTo(account(two, WABA_2));
        assertThat(tokenOf(config, WABA_3)).isEqualTo("EAAG-token-333");
        assertThat(config.phoneNumbers().defaultId()).isEqualTo(NUMBER_1);
        assertThat(config.onboardingNumber().orElseThrow().id()).isEqualTo(NUMBER_3);
        assertThat(signedUp.event()).isInstanceOf(DomainEvent.TokenExchanged.class);
        assertThat(signedUp.event().fields())
                .containsExactlyInAnyOrder(
                        "accounts.333", "phone_numbers.3333", "onboarding_phone_number_id", "onboarding_waba_id");
    }

    @Test
    void a_signup_of_an_account_the_tenant_has_replaces_only_that_accounts_token() {
        TenantConfig config = withThreeAccounts();

        Changed reauthorized = changed(config.reauthorize(
                UserId.of("bob"), signup(WABA_2, NUMBER_2), grant("EAAG-token-222-new"), TestLimits.MOST, CLOCK));

        TenantConfig after = reauthorized.config();
        assertThat(tokenOf(after, WABA_2)).isEqualTo("EAAG-token-222-new");
        assertThat(account(after, WABA_1)).isEqualTo(account(config, WABA_1));
        assertThat(account(after, WABA_3)).isEqualTo(account(config, WABA_3));
        assertThat(after.phoneNumbers()).isEqualTo(config.phoneNumbers());
        assertThat(after.token()).as("the primary account's token").isEqualTo(config.token());
        assertThat(reauthorized.event().fields())
                .containsExactlyInAnyOrder(
                        "accounts.222.access_token", "onboarding_phone_number_id", "onboarding_waba_id", "user_id");
    }

    @Test
    void the_twenty_first_account_is_refused_and_nothing_changes() {
        Limits twenty = TestLimits.accounts(20);
        TenantConfig config = Signups.first(ACME, ALICE, signup(WABA_1, NUMBER_1), grant("EAAG-token-111"), CLOCK)
                .config();
        for (int i = 2; i <= 20; i++) {
            config = changed(config.addPhoneNumber(
                            PhoneNumber.added(MetaId.parse("90" + i), MetaId.parse("80" + i), null, null),
                            twenty,
                            CLOCK))
                    .config();
        }
        TenantConfig full = config;
        Refusal tooMany = new Refusal(
                Refusal.Reason.TOO_MANY_ACCOUNTS,
                "a configuration holds at most 20 WhatsApp Business Accounts; remove one before adding another");

        assertThat(full.accounts().size()).isEqualTo(20);
        assertThat(full.reauthorize(
                        ALICE, signup(MetaId.parse("8021"), MetaId.parse("9021")), grant("t"), twenty, CLOCK))
                .isEqualTo(tooMany);
        assertThat(full.addPhoneNumber(
                        PhoneNumber.added(MetaId.parse("9021"), MetaId.parse("8021"), null, null), twenty, CLOCK))
                .isEqualTo(tooMany);
        assertThat(full.accounts().size()).isEqualTo(20);
        assertThat(full.phoneNumbers().size()).isEqualTo(20);
        assertThat(changed(full.addPhoneNumber(
                                PhoneNumber.added(MetaId.parse("9021"), WABA_1, null, null), twenty, CLOCK))
                        .config()
                        .accounts()
                        .size())
                .as("a number of an account the tenant has needs no new account")
                .isEqualTo(20);
    }

    @Test
    void a_number_without_a_waba_id_is_refused_when_the_tenant_has_several_accounts() {
        Outcome refused = withThreeAccounts()
                .addPhoneNumber(PhoneNumber.added(MetaId.parse("4444"), null, null, null), TestLimits.MOST, CLOCK);

        assertThat(refused).isInstanceOf(Refusal.class);
        assertThat(((Refusal) refused).reason()).isEqualTo(Refusal.Reason.ACCOUNT_NEEDED);
        assertThat(((Refusal) refused).detail()).startsWith("waba_id: required");
    }

    @Test
    void a_number_without_a_waba_id_joins_the_tenants_only_account() {
        TenantConfig one = Signups.first(ACME, ALICE, signup(WABA_1, NUMBER_1), grant("EAAG-token-111"), CLOCK)
                .config();

        TenantConfig config = changed(one.addPhoneNumber(
                        PhoneNumber.added(MetaId.parse("4444"), null, null, null), TestLimits.MOST, CLOCK))
                .config();

        assertThat(numbersByAccount(config)).containsExactly("1111@111", "4444@111");
    }

    @Test
    void a_number_of_an_unknown_waba_id_adds_that_account_without_a_token() {
        TenantConfig config = withThreeAccounts();
        MetaId waba4 = MetaId.parse("444");

        Changed added = changed(config.addPhoneNumber(
                PhoneNumber.added(MetaId.parse("4444"), waba4, null, null), TestLimits.MOST, CLOCK));

        assertThat(wabaIds(added.config())).containsExactly("111", "222", "333", "444");
        assertThat(account(added.config(), waba4).token()).isEqualTo(TokenGrant.NONE);
        assertThat(numbersByAccount(added.config())).endsWith("4444@444");
        assertThat(added.event()).isInstanceOf(DomainEvent.PhoneNumberAdded.class);
        assertThat(added.event().fields()).containsExactlyInAnyOrder("accounts.444", "phone_numbers.4444");
    }

    @Test
    void a_verification_records_the_scopes_meta_reports_sorted_and_keeps_them_when_it_reports_none() {
        TenantConfig config = withThreeAccounts();

        Changed verified = changed(config.tokenVerified(
                WABA_2,
                null,
                "SYSTEM_USER",
                Set.of("whatsapp_business_messaging", "business_management", "whatsapp_business_management"),
                CLOCK));
        Changed againWithout = changed(verified.config().tokenVerified(WABA_2, null, null, Set.of(), CLOCK));

        assertThat(account(verified.config(), WABA_2).scopes())
                .containsExactly("business_management", "whatsapp_business_management", "whatsapp_business_messaging");
        assertThat(account(verified.config(), WABA_2).toString())
                .contains("[business_management, whatsapp_business_management, whatsapp_business_messaging]");
        assertThat(account(verified.config(), WABA_1).scopes()).isEmpty();
        assertThat(account(verified.config(), WABA_3).scopes()).isEmpty();
        assertThat(account(againWithout.config(), WABA_2).scopes())
                .as("nothing reported: what was known is kept")
                .isEqualTo(account(verified.config(), WABA_2).scopes());
        assertThat(account(againWithout.config(), WABA_2).tokenType()).isEqualTo("SYSTEM_USER");
    }

    @Test
    void a_different_token_forgets_the_old_ones_type_and_scopes_and_the_same_token_keeps_them() {
        TenantConfig config = changed(withThreeAccounts()
                        .tokenVerified(WABA_2, null, "USER", Set.of("whatsapp_business_management"), CLOCK))
                .config();

        Changed other = changed(config.setAccountToken(WABA_2, Secret.of("EAAG-another-token"), null, CLOCK));
        Changed same = changed(config.setAccountToken(
                WABA_2, account(config, WABA_2).token().accessToken(), NOW.plusSeconds(60), CLOCK));

        assertThat(account(other.config(), WABA_2).tokenType()).isNull();
        assertThat(account(other.config(), WABA_2).scopes()).isEmpty();
        assertThat(other.event().fields()).contains("accounts.222.token_type", "accounts.222.token_scopes");
        assertThat(account(same.config(), WABA_2).tokenType()).isEqualTo("USER");
        assertThat(account(same.config(), WABA_2).scopes()).containsExactly("whatsapp_business_management");
        assertThat(same.event().fields()).doesNotContain("accounts.222.token_scopes");
    }

    @Test
    void the_scopes_of_an_account_cannot_be_changed_from_outside() {
        Account account = new Account(
                WhatsAppAccount.NONE,
                TokenGrant.NONE,
                null,
                new HashSet<>(Set.of("b", "a")),
                AccountStanding.GOOD,
                null);

        assertThat(account.scopes()).containsExactly("a", "b");
        assertThatThrownBy(() -> account.scopes().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(account)
                .isEqualTo(new Account(
                        WhatsAppAccount.NONE, TokenGrant.NONE, null, Set.of("a", "b"), AccountStanding.GOOD, null));
    }

    @Test
    void setting_one_accounts_token_leaves_the_others_alone() {
        TenantConfig config = withThreeAccounts();
        Instant expiry = NOW.plusSeconds(3600);

        Changed set = changed(config.setAccountToken(WABA_2, Secret.of("EAAG-by-hand"), expiry, CLOCK));

        assertThat(tokenOf(set.config(), WABA_2)).isEqualTo("EAAG-by-hand");
        assertThat(account(set.config(), WABA_2).token().expiresAt()).isEqualTo(expiry);
        assertThat(account(set.config(), WABA_1)).isEqualTo(account(config, WABA_1));
        assertThat(account(set.config(), WABA_3)).isEqualTo(account(config, WABA_3));
        assertThat(set.event()).isInstanceOf(DomainEvent.SettingsChanged.class);
        assertThat(set.event().fields())
                .containsExactlyInAnyOrder("accounts.222.access_token", "accounts.222.token_expires_at");
        assertThat(config.setAccountToken(MetaId.parse("777"), Secret.of("EAAG-x"), null, CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.UNKNOWN_ACCOUNT,
                        "the WhatsApp Business Account 777 is not one of this configuration's"));
    }

    @Test
    void removing_an_account_removes_its_numbers_and_keeps_the_others() {
        TenantConfig config = withThreeAccounts();

        Changed removed = changed(config.removeAccount(WABA_2, CLOCK));

        assertThat(wabaIds(removed.config())).containsExactly("111", "333");
        assertThat(numbersByAccount(removed.config())).containsExactly("1111@111", "3333@333");
        assertThat(removed.config().onboarding()).isEqualTo(config.onboarding());
        assertThat(removed.event())
                .isEqualTo(new DomainEvent.AccountRemoved(ACME, Set.of("accounts.222", "phone_numbers.2222")));
    }

    @Test
    void the_account_holding_the_default_number_cannot_go_while_another_account_has_numbers() {
        TenantConfig config = withThreeAccounts();

        assertThat(config.removeAccount(WABA_1, CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                        "the account 111 holds the default number 1111; make another number the default first"));

        TenantConfig otherDefault = changed(config.changePhoneNumber(NUMBER_2, makingDefault(), CLOCK))
                .config();
        TenantConfig without =
                changed(otherDefault.removeAccount(WABA_1, CLOCK)).config();
        assertThat(wabaIds(without)).containsExactly("222", "333");
        assertThat(without.phoneNumbers().defaultId()).isEqualTo(NUMBER_2);

        TenantConfig alone = Signups.first(ACME, ALICE, signup(WABA_1, NUMBER_1), grant("EAAG-token-111"), CLOCK)
                .config();
        TenantConfig empty = changed(alone.removeAccount(WABA_1, CLOCK)).config();
        assertThat(empty.accounts()).isEqualTo(Accounts.NONE);
        assertThat(empty.phoneNumbers()).isEqualTo(PhoneNumbers.NONE);
        assertThat(empty.onboarding().status())
                .as("the run lost its number and its token")
                .isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
    }

    @Test
    void an_account_the_tenant_does_not_have_cannot_be_removed() {
        assertThat(withThreeAccounts().removeAccount(MetaId.parse("777"), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.UNKNOWN_ACCOUNT,
                        "the WhatsApp Business Account 777 is not one of this configuration's"));
    }

    @Test
    void an_account_taken_out_of_service_stops_only_its_own_numbers() {
        TenantConfig config = withThreeAccounts();

        Changed banned = changed(config.standingChanged(WABA_2, BANNED, CLOCK));

        TenantConfig after = banned.config();
        PhoneNumber number1 = after.phoneNumbers().find(NUMBER_1).orElseThrow();
        PhoneNumber number2 = after.phoneNumbers().find(NUMBER_2).orElseThrow();
        PhoneNumber number3 = after.phoneNumbers().find(NUMBER_3).orElseThrow();
        assertThat(after.inService(number2)).isFalse();
        assertThat(after.inService(number1)).isTrue();
        assertThat(after.inService(number3)).isTrue();
        assertThat(after.inService()).as("the primary account still serves").isTrue();
        assertThat(after.standing()).isEqualTo(AccountStanding.GOOD);
        assertThat(account(after, WABA_2).standing()).isEqualTo(BANNED);
        assertThat(banned.event())
                .isEqualTo(new DomainEvent.AccountStandingChanged(
                        ACME, Set.of("accounts.222.account_standing"), WABA_2, BANNED));
        assertThat(after.standingChanged(WABA_2, BANNED, CLOCK)).isEqualTo(new Outcome.Unchanged());
        assertThat(config.standingChanged(MetaId.parse("777"), BANNED, CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.UNKNOWN_ACCOUNT,
                        "the WhatsApp Business Account 777 is not one of this configuration's"));
        assertThat(changed(after.deactivate(CLOCK)).config().inService(number1))
                .as("switched off, no number is served")
                .isFalse();
    }

    @Test
    void the_primary_account_is_the_default_numbers_and_the_single_account_fields_follow_it() {
        TenantConfig config = withThreeAccounts();

        Changed otherDefault = changed(config.changePhoneNumber(NUMBER_3, makingDefault(), CLOCK));

        TenantConfig after = otherDefault.config();
        assertThat(after.primaryAccount()).isEqualTo(account(config, WABA_3));
        assertThat(after.account().wabaId()).isEqualTo(WABA_3);
        assertThat(after.token().accessToken().reveal()).isEqualTo("EAAG-token-333");
        assertThat(otherDefault.event().fields()).contains("waba_id", "access_token", "phone_number_id");
        TenantConfig banned =
                changed(after.standingChanged(WABA_3, BANNED, CLOCK)).config();
        assertThat(banned.standing()).isEqualTo(BANNED);
        assertThat(banned.inService()).isFalse();
    }

    @Test
    void without_numbers_the_primary_account_is_the_first_one_added() {
        Accounts two = new Accounts(List.of(
                Account.added(new WhatsAppAccount(WABA_2, null), TokenGrant.NONE),
                Account.added(new WhatsAppAccount(WABA_1, null), TokenGrant.NONE)));
        TenantConfig config = new TenantConfig(
                1,
                ACME,
                two,
                PhoneNumbers.NONE,
                AppCredentials.NONE,
                CallbackSettings.NONE,
                new Onboarding.NotStarted(ALICE),
                true,
                NOW,
                NOW,
                1);

        assertThat(config.primaryAccount().wabaId()).isEqualTo(WABA_2);
        assertThat(changed(TenantConfig.create(ACME, ALICE, SettingsUpdate.NONE, CLOCK))
                        .config()
                        .primaryAccount())
                .isEqualTo(Account.NONE);
    }

    @Test
    void writing_access_token_acts_on_the_primary_account_only() {
        TenantConfig config = withThreeAccounts();

        Changed put = changed(
                config.changeSettings(update().accessToken("EAAG-pasted").build(), CLOCK));

        assertThat(put.config().token().accessToken().reveal()).isEqualTo("EAAG-pasted");
        assertThat(tokenOf(put.config(), WABA_1)).isEqualTo("EAAG-pasted");
        assertThat(account(put.config(), WABA_2)).isEqualTo(account(config, WABA_2));
        assertThat(account(put.config(), WABA_3)).isEqualTo(account(config, WABA_3));
        assertThat(put.event().fields()).containsExactly("access_token");

        TenantConfig otherDefault = changed(config.changePhoneNumber(NUMBER_2, makingDefault(), CLOCK))
                .config();
        TenantConfig putAgain = changed(otherDefault.changeSettings(
                        update().accessToken("EAAG-pasted").build(), CLOCK))
                .config();
        assertThat(tokenOf(putAgain, WABA_2)).isEqualTo("EAAG-pasted");
        assertThat(tokenOf(putAgain, WABA_1)).isEqualTo("EAAG-token-111");
    }

    @Test
    void the_primary_account_cannot_be_renamed_after_another_of_the_tenants_accounts() {
        TenantConfig config = withThreeAccounts();

        assertThat(config.changeSettings(update().wabaId("222").build(), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.ACCOUNT_ALREADY_ADDED,
                        "the WhatsApp Business Account 222 is another of your accounts already; its numbers and token"
                                + " are set through /api/v1/tenant/config/accounts/222"));
    }

    @Test
    void the_accounts_refuse_one_waba_id_twice_and_a_second_unnamed_account() {
        Account first = Account.added(new WhatsAppAccount(WABA_1, null), TokenGrant.NONE);
        Account again = Account.added(new WhatsAppAccount(WABA_1, MetaId.parse("9")), TokenGrant.NONE);
        Account unnamed = Account.added(WhatsAppAccount.NONE, TokenGrant.NONE);
        Account alsoUnnamed = Account.added(new WhatsAppAccount(null, MetaId.parse("9")), TokenGrant.NONE);

        assertThatThrownBy(() -> new Accounts(List.of(first, again)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the account 111 appears twice");
        assertThatThrownBy(() -> new Accounts(List.of(unnamed, alsoUnnamed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a configuration has at most one account without a waba_id");
        assertThat(new Accounts(List.of(first, unnamed)).size()).isEqualTo(2);
    }

    @Test
    void a_configuration_refuses_a_number_of_an_account_it_does_not_have() {
        PhoneNumbers elsewhere = PhoneNumbers.only(PhoneNumber.added(NUMBER_1, WABA_2, null, null));
        Accounts one = new Accounts(List.of(Account.added(new WhatsAppAccount(WABA_1, null), TokenGrant.NONE)));

        assertThatThrownBy(() -> new TenantConfig(
                        1,
                        ACME,
                        one,
                        elsewhere,
                        AppCredentials.NONE,
                        CallbackSettings.NONE,
                        new Onboarding.NotStarted(ALICE),
                        true,
                        NOW,
                        NOW,
                        1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number 1111 belongs to an account the configuration does not have");
    }

    @Test
    void changed_fields_name_another_accounts_token_change_and_an_added_account_by_its_id() {
        TenantConfig config = withThreeAccounts();

        Changed refreshed = config.tokenRefreshed(WABA_3, new AccessGrant(Secret.of("EAAG-333-extended"), null), CLOCK);
        Changed verified = config.tokenVerified(
                WABA_2, NOW.plusSeconds(60), "SYSTEM_USER", Set.of("whatsapp_business_messaging"), CLOCK);

        assertThat(refreshed.event().fields())
                .containsExactlyInAnyOrder("accounts.333.access_token", "accounts.333.last_verified_at");
        assertThat(tokenOf(refreshed.config(), WABA_3)).isEqualTo("EAAG-333-extended");
        assertThat(refreshed.config().token()).isEqualTo(config.token());
        assertThat(verified.event().fields())
                .containsExactlyInAnyOrder(
                        "accounts.222.token_expires_at",
                        "accounts.222.last_verified_at",
                        "accounts.222.token_type",
                        "accounts.222.token_scopes");
        assertThat(account(verified.config(), WABA_2).tokenType()).isEqualTo("SYSTEM_USER");
        assertThat(account(verified.config(), WABA_2).scopes()).containsExactly("whatsapp_business_messaging");
        assertThat(changed(config.addPhoneNumber(
                                PhoneNumber.added(MetaId.parse("5555"), MetaId.parse("555"), null, null),
                                TestLimits.MOST,
                                CLOCK))
                        .event()
                        .fields())
                .contains("accounts.555");
    }

    @Test
    void a_run_needs_the_token_and_the_waba_id_of_the_signed_up_numbers_account() {
        TenantConfig config = withThreeAccounts();
        TenantConfig withTokenless = changed(config.addPhoneNumber(
                        PhoneNumber.added(MetaId.parse("4444"), MetaId.parse("444"), null, null),
                        TestLimits.MOST,
                        CLOCK))
                .config();

        assertThat(Onboarding.runnable(withTokenless.accounts(), withTokenless.phoneNumbers(), WABA_3, NUMBER_3))
                .isTrue();
        assertThat(Onboarding.runnable(
                        withTokenless.accounts(),
                        withTokenless.phoneNumbers(),
                        MetaId.parse("444"),
                        MetaId.parse("4444")))
                .as("another account's token does not do")
                .isFalse();

        Changed otherAccountCleared = changed(config.setAccountToken(WABA_2, null, null, CLOCK));
        Changed ownAccountCleared = changed(config.setAccountToken(WABA_3, null, null, CLOCK));
        assertThat(otherAccountCleared.config().onboarding()).isEqualTo(config.onboarding());
        assertThat(ownAccountCleared.config().onboarding().status())
                .isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
        assertThat(ownAccountCleared.event().fields())
                .containsExactlyInAnyOrder("accounts.333.access_token", "onboarding_status");
    }

    private static Instant subscribedAt(TenantConfig config, MetaId wabaId) {
        return account(config, wabaId).subscribedAt();
    }

    @Test
    void onboarding_records_the_subscription_of_the_accounts_it_subscribed_only() {
        TenantConfig config = withThreeAccounts();

        Changed subscribed = config.webhookSubscribed(List.of(WABA_3, WABA_1), CLOCK);

        assertThat(subscribedAt(subscribed.config(), WABA_1)).isEqualTo(NOW);
        assertThat(subscribedAt(subscribed.config(), WABA_2)).isNull();
        assertThat(subscribedAt(subscribed.config(), WABA_3)).isEqualTo(NOW);
        assertThat(subscribed.event())
                .isEqualTo(new DomainEvent.WebhookSubscribed(
                        ACME, Set.of("onboarding_status", "subscribed_at", "accounts.333.subscribed_at")));
    }

    @Test
    void a_resubscription_records_the_accounts_the_tenant_still_has_and_is_unchanged_for_none() {
        TenantConfig config = withThreeAccounts();
        Instant later = NOW.plusSeconds(60);

        Changed resubscribed = changed(
                config.webhookResubscribed(List.of(WABA_2, MetaId.parse("777")), Clock.fixed(later, ZoneOffset.UTC)));

        assertThat(subscribedAt(resubscribed.config(), WABA_2)).isEqualTo(later);
        assertThat(subscribedAt(resubscribed.config(), WABA_1)).isNull();
        assertThat(resubscribed.config().onboarding()).isEqualTo(config.onboarding());
        assertThat(resubscribed.event())
                .isEqualTo(new DomainEvent.WebhookResubscribed(ACME, Set.of("accounts.222.subscribed_at")));
        assertThat(config.webhookResubscribed(List.of(MetaId.parse("777")), CLOCK))
                .as("an account removed while Meta was asked")
                .isEqualTo(new Outcome.Unchanged());
    }

    @Test
    void meta_taking_the_app_away_or_deleting_the_account_ends_its_subscription_and_nothing_else_does() {
        TenantConfig subscribed = withThreeAccounts()
                .webhookSubscribed(List.of(WABA_1, WABA_2), CLOCK)
                .config();
        Instant later = NOW.plusSeconds(60);

        for (Status status : Status.values()) {
            AccountStanding standing = status == Status.GOOD
                    ? AccountStanding.GOOD
                    : new AccountStanding(status, "SOME_EVENT", null, later);
            TenantConfig from = status == Status.GOOD
                    ? changed(subscribed.standingChanged(WABA_2, BANNED, CLOCK)).config()
                    : subscribed;
            Changed after = changed(from.standingChanged(WABA_2, standing, CLOCK));
            boolean ends = status == Status.DISCONNECTED || status == Status.DELETED;

            assertThat(subscribedAt(after.config(), WABA_2)).as(status.name()).isEqualTo(ends ? null : NOW);
            assertThat(subscribedAt(after.config(), WABA_1)).as(status.name()).isEqualTo(NOW);
            assertThat(after.event().fields().contains("accounts.222.subscribed_at"))
                    .as(status.name())
                    .isEqualTo(ends);
        }
        assertThat(subscribedAt(
                        changed(subscribed.setAccountToken(WABA_2, Secret.of("EAAG-new"), null, CLOCK))
                                .config(),
                        WABA_2))
                .as("a new token keeps the app's subscription: it is the app's, not the token's")
                .isEqualTo(NOW);
    }
}
