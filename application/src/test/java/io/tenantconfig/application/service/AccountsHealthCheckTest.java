package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.domain.health.AccountHealth;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.HealthState;
import io.tenantconfig.domain.health.NumberFacts;
import io.tenantconfig.domain.health.TokenFacts;
import io.tenantconfig.testing.SecretValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The health check of a tenant with three WhatsApp Business Accounts: each is checked with its
 * own token, refreshed on its own, and has its own state; the tenant's is the worst of them.
 */
class AccountsHealthCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final Set<String> BOTH = Set.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING);
    private static final MetaId PRIMARY = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final MetaId PRIMARY_NUMBER = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
    private static final MetaId SECOND = MetaId.parse("102290129340398");
    private static final MetaId SECOND_NUMBER = MetaId.parse("106540352242922");
    private static final MetaId THIRD = MetaId.parse("103300000000001");
    private static final MetaId THIRD_NUMBER = MetaId.parse("106500000000003");
    private static final Secret PRIMARY_TOKEN = secret("EAAG-access-token-of-acme");
    private static final Secret SECOND_TOKEN = secret("EAAG-token-of-the-second-account");
    private static final Secret THIRD_TOKEN = secret("EAAG-token-of-the-third-account");
    private static final AccountStanding BANNED = new AccountStanding(
            AccountStanding.Status.DISABLED, "DISABLED_UPDATE", "Meta disabled the account.", NOW.minusSeconds(60));

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaHealth meta = new ScriptedMetaHealth();
    private final HealthFeature feature = TestFeatures.over(
                    store,
                    new ScriptedMetaOnboarding(),
                    meta,
                    variable -> Optional.empty(),
                    new TestFeatures.Settings(
                            OnboardingPolicy.DEFAULT,
                            50,
                            new HealthPolicy(Duration.ofDays(7), Duration.ofDays(7), 3, Duration.ZERO),
                            SweepPolicy.DEFAULT),
                    new ResolutionCounter(),
                    Clock.fixed(NOW, ZoneOffset.UTC))
            .health();

    private static Secret secret(String value) {
        return Secret.of(SecretValues.secret(value));
    }

    private static Account account(MetaId wabaId, Secret token, AccountStanding standing) {
        return new Account(
                new WhatsAppAccount(wabaId, null),
                new TokenGrant(token, null, NOW.plus(Duration.ofDays(60)), null),
                null,
                Set.of(),
                standing,
                null);
    }

    /** Acme's own account (the primary: it holds the default number), a second one, and a third Meta banned. */
    @BeforeEach
    void acmeHasThreeAccounts() {
        TenantConfig one = TestConfigs.aConfig("acme")
                .onboardedAt(NOW.minus(Duration.ofDays(30)))
                .build();
        List<PhoneNumber> numbers = new ArrayList<>(one.phoneNumbers().all());
        numbers.add(PhoneNumber.added(SECOND_NUMBER, SECOND, null, NumberLabel.parse("Sales")));
        numbers.add(PhoneNumber.added(THIRD_NUMBER, THIRD, null, NumberLabel.parse("Billing")));
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.from(one)
                .otherAccount(account(SECOND, SECOND_TOKEN, AccountStanding.GOOD))
                .otherAccount(account(THIRD, THIRD_TOKEN, BANNED))
                .phoneNumbers(new PhoneNumbers(numbers, one.phoneNumbers().defaultId()))
                .build()));
    }

    private Health check() {
        return feature.checkHealth().check(ACME).match(health -> health, () -> null);
    }

    private TenantConfig acme() {
        return store.load(ACME).orElseThrow();
    }

    private Account accountOf(MetaId wabaId) {
        return acme().accounts().find(wabaId).orElseThrow();
    }

    private static TokenFacts systemUser() {
        return new TokenFacts(true, null, null, "SYSTEM_USER", ScriptedMetaHealth.PLATFORM_APP, null, BOTH, Map.of());
    }

    private static TokenFacts userToken(Instant expiresAt) {
        return new TokenFacts(true, null, null, "USER", ScriptedMetaHealth.PLATFORM_APP, expiresAt, BOTH, Map.of());
    }

    private static TokenFacts refused() {
        return new TokenFacts(false, 190, 463, null, null, null, Set.of(), Map.of());
    }

    private static List<String> codes(List<HealthReason> reasons) {
        return reasons.stream().map(reason -> reason.code().name()).toList();
    }

    /** The second account's token expires in three days and Meta will not extend it. */
    private void secondExpiringAndNotExtendable() {
        meta.tokensAre(token -> token.equals(SECOND_TOKEN) ? userToken(NOW.plus(Duration.ofDays(3))) : systemUser())
                .extensionsAnswer(MetaFailure.of(MetaFailure.Kind.REJECTED, "not extendable"));
    }

    @Test
    void each_account_is_checked_with_its_own_token_and_the_tenant_is_the_worst_of_them() {
        secondExpiringAndNotExtendable();

        Health health = check();

        assertThat(health.state()).isEqualTo(HealthState.DISABLED);
        assertThat(health.stateOf(PRIMARY)).isEqualTo(HealthState.HEALTHY);
        assertThat(health.stateOf(SECOND)).isEqualTo(HealthState.EXPIRING);
        assertThat(codes(health.reasonsOf(SECOND))).containsExactly("TOKEN_REFRESH_FAILED", "TOKEN_EXPIRING");
        assertThat(health.stateOf(THIRD)).isEqualTo(HealthState.DISABLED);
        assertThat(codes(health.reasonsOf(THIRD))).containsExactly("ACCOUNT_DISABLED");
        assertThat(health.reasonsOf(SECOND))
                .allSatisfy(reason ->
                        assertThat(reason.message()).startsWith("WhatsApp Business Account " + SECOND + ": "));
        assertThat(health.accounts()).extracting(AccountHealth::wabaId).containsExactly(PRIMARY, SECOND, THIRD);
        assertThat(health.accounts().get(1).tokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(meta.calls())
                .containsExactly(
                        "inspect",
                        "number " + PRIMARY_NUMBER,
                        "account " + PRIMARY,
                        "inspect",
                        "extend",
                        "number " + SECOND_NUMBER,
                        "account " + SECOND,
                        "inspect",
                        "number " + THIRD_NUMBER,
                        "account " + THIRD);
        assertThat(meta.tokenOf("number " + PRIMARY_NUMBER)).isEqualTo(PRIMARY_TOKEN);
        assertThat(meta.tokenOf("account " + SECOND)).isEqualTo(SECOND_TOKEN);
        assertThat(meta.tokenOf("extend")).isEqualTo(SECOND_TOKEN);
        assertThat(meta.tokenOf("number " + THIRD_NUMBER)).isEqualTo(THIRD_TOKEN);
        assertThat(store.events())
                .singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("state", "DISABLED"));
    }

    @Test
    void an_expiring_token_of_one_account_is_refreshed_and_stored_for_that_account_only() {
        Secret extended = secret("EAAG-extended-token-of-the-second-account");
        Instant newExpiry = NOW.plus(Duration.ofDays(60));
        meta.tokensAre(token -> token.equals(SECOND_TOKEN) ? userToken(NOW.plus(Duration.ofDays(3))) : systemUser())
                .extensionsAnswer(new AccessGrant(extended, newExpiry));

        Health health = check();

        assertThat(accountOf(SECOND).token().accessToken()).isEqualTo(extended);
        assertThat(accountOf(SECOND).token().expiresAt()).isEqualTo(newExpiry);
        assertThat(accountOf(PRIMARY).token().accessToken()).isEqualTo(PRIMARY_TOKEN);
        assertThat(accountOf(THIRD).token().accessToken()).isEqualTo(THIRD_TOKEN);
        assertThat(meta.tokenOf("number " + SECOND_NUMBER))
                .as("the account's numbers are asked with its new token")
                .isEqualTo(extended);
        assertThat(health.stateOf(SECOND)).isEqualTo(HealthState.HEALTHY);
        assertThat(health.accounts()).contains(new AccountHealth(SECOND, newExpiry));
        assertThat(store.events())
                .extracting(PlatformEvent::type)
                .containsExactly(PlatformEvent.TOKEN_REFRESHED, PlatformEvent.HEALTH_CHANGED);
    }

    @Test
    void a_refused_token_of_another_account_is_that_accounts_problem_the_signed_up_ones_needs_a_new_signup() {
        meta.tokensAre(token -> token.equals(SECOND_TOKEN) ? refused() : systemUser());

        Health secondRefused = check();

        assertThat(secondRefused.stateOf(SECOND)).isEqualTo(HealthState.INVALID);
        assertThat(codes(secondRefused.reasonsOf(SECOND))).containsExactly("TOKEN_EXPIRED");
        assertThat(secondRefused.stateOf(PRIMARY)).isEqualTo(HealthState.HEALTHY);
        assertThat(acme().onboarding().status()).isEqualTo(OnboardingStatus.COMPLETED);
        assertThat(meta.calls()).doesNotContain("number " + SECOND_NUMBER, "account " + SECOND);

        meta.tokensAre(token -> token.equals(PRIMARY_TOKEN) ? refused() : systemUser());
        Health primaryRefused = check();

        assertThat(primaryRefused.stateOf(PRIMARY)).isEqualTo(HealthState.INVALID);
        assertThat(primaryRefused.stateOf(SECOND)).isEqualTo(HealthState.HEALTHY);
        assertThat(acme().onboarding().status()).isEqualTo(OnboardingStatus.REAUTHORIZATION_REQUIRED);
    }

    @Test
    void an_account_meta_cannot_be_reached_for_keeps_what_was_known_and_the_others_are_checked() {
        meta.number(new NumberFacts(SECOND_NUMBER, true, "CONNECTED", "RED", "APPROVED"));
        Health last = check();
        meta.number(new NumberFacts(PRIMARY_NUMBER, true, "CONNECTED", "RED", "APPROVED"))
                .number(new NumberFacts(SECOND_NUMBER, true, "CONNECTED", "GREEN", "APPROVED"))
                .unreachableWith(SECOND_TOKEN, MetaFailure.of(MetaFailure.Kind.TIMEOUT, "Meta did not answer"));

        Health health = check();

        assertThat(health.reasonsOf(SECOND)).isEqualTo(last.reasonsOf(SECOND));
        assertThat(codes(health.reasonsOf(PRIMARY))).containsExactly("NUMBER_QUALITY_RED");
        assertThat(health.stateOf(THIRD)).isEqualTo(HealthState.DISABLED);
        assertThat(health.failedAt()).isEqualTo(NOW);
        assertThat(health.lastError()).isEqualTo("WhatsApp Business Account " + SECOND + ": Meta did not answer");
        assertThat(health.numbers()).hasSize(3);
    }

    @Test
    void when_meta_cannot_be_reached_for_any_account_the_whole_last_state_is_kept() {
        Health last = check();
        meta.unreachable(MetaFailure.of(MetaFailure.Kind.TIMEOUT, "Meta did not answer"));

        Health health = check();

        assertThat(health.reasons()).isEqualTo(last.reasons());
        assertThat(health.accounts()).isEqualTo(last.accounts());
        assertThat(health.checkedAt()).isEqualTo(last.checkedAt());
        assertThat(health.lastError())
                .isEqualTo("WhatsApp Business Account " + PRIMARY + ": Meta did not answer; WhatsApp Business Account "
                        + SECOND + ": Meta did not answer; WhatsApp Business Account " + THIRD
                        + ": Meta did not answer");
    }

    @Test
    void the_token_type_meta_reports_is_stored_with_each_account_once() {
        secondExpiringAndNotExtendable();
        check();
        int version = acme().version();

        meta.extensionsAnswer(MetaFailure.of(MetaFailure.Kind.REJECTED, "not extendable"));
        check();

        assertThat(accountOf(PRIMARY).tokenType()).isEqualTo("SYSTEM_USER");
        assertThat(accountOf(SECOND).tokenType()).isEqualTo("USER");
        assertThat(accountOf(SECOND).token().lastVerifiedAt()).isEqualTo(NOW);
        assertThat(acme().version()).as("nothing new to store").isEqualTo(version);
    }

    @Test
    void the_scopes_meta_reports_are_stored_with_that_account_only_and_only_when_they_differ() {
        meta.tokensAre(token -> systemUser());
        check();
        int version = acme().version();
        assertThat(accountOf(PRIMARY).scopes()).containsExactly(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING);
        assertThat(accountOf(SECOND).scopes()).containsExactly(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING);
        Account primaryBefore = accountOf(PRIMARY);

        meta.tokensAre(token -> token.equals(SECOND_TOKEN)
                ? new TokenFacts(
                        true,
                        null,
                        null,
                        "SYSTEM_USER",
                        ScriptedMetaHealth.PLATFORM_APP,
                        null,
                        Set.of(TokenFacts.MESSAGING),
                        Map.of())
                : systemUser());
        check();

        assertThat(accountOf(SECOND).scopes()).containsExactly(TokenFacts.MESSAGING);
        assertThat(accountOf(SECOND).tokenType()).isEqualTo("SYSTEM_USER");
        assertThat(accountOf(PRIMARY)).isEqualTo(primaryBefore);
        assertThat(acme().version())
                .as("the second account's scopes stored once")
                .isEqualTo(version + 1);

        check();

        assertThat(acme().version()).as("nothing new to store").isEqualTo(version + 1);
    }
}
