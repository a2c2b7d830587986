package io.tenantconfig.domain.health;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.AccountStanding.Status;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TestLimits;
import io.tenantconfig.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A tenant with several WhatsApp Business Accounts: each is judged on its own, and the tenant is the worst of them. */
class AccountsHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final MetaId APP = MetaId.parse("1234");
    private static final MetaId HEALTHY = MetaId.parse("111");
    private static final MetaId EXPIRING = MetaId.parse("222");
    private static final MetaId BANNED = MetaId.parse("333");
    private static final MetaId NUMBER_1 = MetaId.parse("1111");
    private static final MetaId NUMBER_2 = MetaId.parse("2222");
    private static final MetaId NUMBER_3 = MetaId.parse("3333");
    private static final Instant SOON = Instant.parse("2026-12-04T10:00:00Z");

    /** Three accounts, 111 (number 1111, the default, so the primary), 222 (2222) and 333 (3333), 333 banned by Meta. */
    private static final TenantConfig THREE = threeAccounts();

    private static TenantConfig threeAccounts() {
        UserId alice = UserId.of("alice");
        TenantConfig one = changed(TenantConfig.onboard(
                        TenantId.of("acme"),
                        alice,
                        new SignupAccount(HEALTHY, NUMBER_1, null, null),
                        new AccessGrant(Secret.of("EAAG-token-111"), null),
                        TestLimits.MOST,
                        CLOCK))
                .config();
        TenantConfig two = changed(one.reauthorize(
                        alice,
                        new SignupAccount(EXPIRING, NUMBER_2, null, null),
                        new AccessGrant(Secret.of("EAAG-token-222"), SOON),
                        TestLimits.MOST,
                        CLOCK))
                .config();
        TenantConfig three = changed(two.reauthorize(
                        alice,
                        new SignupAccount(BANNED, NUMBER_3, null, null),
                        new AccessGrant(Secret.of("EAAG-token-333"), null),
                        TestLimits.MOST,
                        CLOCK))
                .config();
        return changed(three.standingChanged(
                        BANNED, new AccountStanding(Status.DISABLED, "DISABLED_UPDATE", "banned", NOW), CLOCK))
                .config();
    }

    private static TokenFacts token(MetaId wabaId, String type, Instant expiresAt) {
        return new TokenFacts(
                true,
                null,
                null,
                type,
                APP,
                expiresAt,
                Set.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING),
                Map.of(TokenFacts.MANAGEMENT, Set.of(wabaId), TokenFacts.MESSAGING, Set.of(wabaId)));
    }

    private static CheckFacts allWell(MetaId wabaId, MetaId number, Instant expiresAt) {
        return new CheckFacts(
                token(wabaId, expiresAt == null ? "SYSTEM_USER" : "USER", expiresAt),
                List.of(new NumberFacts(number, true, "CONNECTED", "GREEN", "APPROVED")),
                Set.of(number));
    }

    private static Map<MetaId, CheckFacts> everyAccount() {
        Map<MetaId, CheckFacts> facts = new HashMap<>();
        facts.put(HEALTHY, allWell(HEALTHY, NUMBER_1, null));
        facts.put(EXPIRING, allWell(EXPIRING, NUMBER_2, SOON));
        facts.put(BANNED, allWell(BANNED, NUMBER_3, null));
        return facts;
    }

    private static List<String> codes(List<HealthReason> reasons) {
        return reasons.stream().map(reason -> reason.code().name()).toList();
    }

    @Test
    void the_tenant_is_the_worst_of_its_accounts_and_each_account_has_its_own_state_and_reasons() {
        Health health = HealthRules.assess(THREE, APP, everyAccount(), Health.NEVER_CHECKED, NOW, WEEK);

        assertThat(health.state()).isEqualTo(HealthState.DISABLED);
        assertThat(codes(health.reasons())).containsExactly("ACCOUNT_DISABLED", "TOKEN_EXPIRING");
        assertThat(health.accounts())
                .containsExactly(
                        new AccountHealth(HEALTHY, null),
                        new AccountHealth(EXPIRING, SOON),
                        new AccountHealth(BANNED, null));
        assertThat(health.stateOf(HEALTHY)).isEqualTo(HealthState.HEALTHY);
        assertThat(health.reasonsOf(HEALTHY)).isEmpty();
        assertThat(health.stateOf(EXPIRING)).isEqualTo(HealthState.EXPIRING);
        assertThat(codes(health.reasonsOf(EXPIRING))).containsExactly("TOKEN_EXPIRING");
        assertThat(health.stateOf(BANNED)).isEqualTo(HealthState.DISABLED);
        assertThat(codes(health.reasonsOf(BANNED))).containsExactly("ACCOUNT_DISABLED");
        assertThat(health.tokenExpiresAt()).as("the primary account's").isNull();
        assertThat(health.numbers())
                .extracting(NumberHealth::phoneNumberId)
                .containsExactly(NUMBER_1, NUMBER_2, NUMBER_3);
    }

    @Test
    void with_several_accounts_each_reason_names_its_account_in_its_message() {
        Health health = HealthRules.assess(THREE, APP, everyAccount(), Health.NEVER_CHECKED, NOW, WEEK);

        assertThat(health.reasonsOf(EXPIRING).get(0).message())
                .isEqualTo("WhatsApp Business Account 222: Your access token expires on 2026-12-04;"
                        + " reconnect WhatsApp (Embedded Signup) before then.");
        assertThat(health.reasonsOf(BANNED).get(0).message())
                .startsWith("WhatsApp Business Account 333: banned (reported by Meta on 2026-12-01).");
        assertThat(health.reasons())
                .allSatisfy(reason -> assertThat(reason.wabaId()).isNotNull());
    }

    @Test
    void permissions_and_numbers_are_judged_against_each_accounts_own_id_and_numbers() {
        Map<MetaId, CheckFacts> facts = everyAccount();
        facts.put(
                HEALTHY,
                new CheckFacts(
                        token(EXPIRING, "SYSTEM_USER", null),
                        List.of(new NumberFacts(NUMBER_1, true, "CONNECTED", "RED", "APPROVED")),
                        Set.of(NUMBER_1)));
        facts.put(EXPIRING, new CheckFacts(token(EXPIRING, "USER", null), List.of(), Set.of(NUMBER_2)));

        Health health = HealthRules.assess(THREE, APP, facts, Health.NEVER_CHECKED, NOW, WEEK);

        assertThat(codes(health.reasonsOf(HEALTHY)))
                .containsExactly("ACCOUNT_NOT_GRANTED", "ACCOUNT_NOT_GRANTED", "NUMBER_QUALITY_RED");
        assertThat(health.reasonsOf(HEALTHY).get(0).message())
                .startsWith("WhatsApp Business Account 111: Your access token's permission")
                .contains("does not cover your WhatsApp Business Account 111.");
        assertThat(health.stateOf(EXPIRING)).isEqualTo(HealthState.HEALTHY);
        assertThat(health.stateOf(HEALTHY)).isEqualTo(HealthState.PERMISSION_MISSING);
    }

    @Test
    void an_account_with_a_refused_token_is_invalid_alone() {
        Map<MetaId, CheckFacts> facts = everyAccount();
        facts.put(
                EXPIRING,
                new CheckFacts(new TokenFacts(false, 190, 463, null, null, null, Set.of(), Map.of()), List.of(), null));

        Health health = HealthRules.assess(THREE, APP, facts, Health.NEVER_CHECKED, NOW, WEEK);

        assertThat(health.state()).isEqualTo(HealthState.DISABLED);
        assertThat(codes(health.reasonsOf(EXPIRING))).containsExactly("TOKEN_EXPIRED");
        assertThat(health.stateOf(HEALTHY)).isEqualTo(HealthState.HEALTHY);
        assertThat(health.numbers())
                .extracting(NumberHealth::phoneNumberId)
                .as("the refused account's number was not asked about")
                .containsExactly(NUMBER_1, NUMBER_3);
    }

    @Test
    void an_account_meta_was_not_reached_for_keeps_what_was_known_of_it() {
        Health before = HealthRules.assess(THREE, APP, everyAccount(), Health.NEVER_CHECKED, NOW, WEEK);
        Map<MetaId, CheckFacts> facts = everyAccount();
        facts.remove(EXPIRING);
        facts.put(
                HEALTHY,
                new CheckFacts(
                        token(HEALTHY, "SYSTEM_USER", null),
                        List.of(new NumberFacts(NUMBER_1, true, "CONNECTED", "RED", "APPROVED")),
                        Set.of(NUMBER_1)));

        Health after = HealthRules.assess(THREE, APP, facts, before, NOW.plusSeconds(60), WEEK);

        assertThat(after.reasonsOf(EXPIRING)).isEqualTo(before.reasonsOf(EXPIRING));
        assertThat(after.accounts()).contains(new AccountHealth(EXPIRING, SOON));
        assertThat(after.numbers())
                .extracting(NumberHealth::phoneNumberId)
                .containsExactly(NUMBER_1, NUMBER_2, NUMBER_3);
        assertThat(codes(after.reasonsOf(HEALTHY))).containsExactly("NUMBER_QUALITY_RED");
        assertThat(after.checkedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void an_account_without_a_token_has_nothing_to_check_and_says_so() {
        TenantConfig config =
                changed(THREE.setAccountToken(EXPIRING, null, null, CLOCK)).config();
        Map<MetaId, CheckFacts> facts = everyAccount();
        facts.remove(EXPIRING);

        Health health = HealthRules.assess(config, APP, facts, Health.NEVER_CHECKED, NOW, WEEK);

        assertThat(codes(health.reasonsOf(EXPIRING))).containsExactly("NO_TOKEN");
        assertThat(health.reasonsOf(EXPIRING).get(0).message()).startsWith("WhatsApp Business Account 222: No access");
        assertThat(health.accounts()).contains(new AccountHealth(EXPIRING, null));
    }

    @Test
    void a_standing_changes_the_health_of_its_account_only() {
        Health checked = HealthRules.assess(THREE, APP, everyAccount(), Health.NEVER_CHECKED, NOW, WEEK);
        TenantConfig restricted = changed(THREE.standingChanged(
                        HEALTHY, new AccountStanding(Status.RESTRICTED, "ACCOUNT_VIOLATION", "violation", NOW), CLOCK))
                .config();

        Health after = checked.withStanding(restricted.accounts());

        assertThat(after.stateOf(HEALTHY)).isEqualTo(HealthState.RESTRICTED);
        assertThat(after.reasonsOf(HEALTHY).get(0).message()).startsWith("WhatsApp Business Account 111: violation");
        assertThat(after.reasonsOf(EXPIRING)).isEqualTo(checked.reasonsOf(EXPIRING));
        assertThat(after.reasonsOf(BANNED)).isEqualTo(checked.reasonsOf(BANNED));
        assertThat(after.state()).isEqualTo(HealthState.DISABLED);
        assertThat(after.changedFrom(checked)).isTrue();
    }

    @Test
    void the_same_codes_on_another_account_are_a_change() {
        Map<MetaId, CheckFacts> redOnOne = everyAccount();
        redOnOne.put(
                HEALTHY,
                new CheckFacts(
                        token(HEALTHY, "SYSTEM_USER", null),
                        List.of(new NumberFacts(NUMBER_1, true, "CONNECTED", "RED", "APPROVED")),
                        Set.of(NUMBER_1)));
        Map<MetaId, CheckFacts> redOnThree = everyAccount();
        redOnThree.put(
                BANNED,
                new CheckFacts(
                        token(BANNED, "SYSTEM_USER", null),
                        List.of(new NumberFacts(NUMBER_3, true, "CONNECTED", "RED", "APPROVED")),
                        Set.of(NUMBER_3)));

        Health one = HealthRules.assess(THREE, APP, redOnOne, Health.NEVER_CHECKED, NOW, WEEK);
        Health three = HealthRules.assess(THREE, APP, redOnThree, Health.NEVER_CHECKED, NOW, WEEK);

        assertThat(codes(one.reasons())).isEqualTo(codes(three.reasons()));
        assertThat(three.changedFrom(one)).isTrue();
        assertThat(one.changedFrom(one)).isFalse();
    }

    @Test
    void with_one_account_the_reasons_name_it_but_their_messages_stay_as_they_were() {
        HealthReason reason = new HealthReason(HealthReason.Code.TOKEN_EXPIRING, "Your access token expires soon.");

        assertThat(reason.about(HEALTHY, false))
                .isEqualTo(
                        new HealthReason(HealthReason.Code.TOKEN_EXPIRING, "Your access token expires soon.", HEALTHY));
        assertThat(reason.about(null, true).message()).isEqualTo("Your access token expires soon.");
        assertThat(reason.wabaId()).isNull();
    }
}
