package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.AccountStanding.Status;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.HealthRules;
import io.tenantconfig.domain.health.HealthState;
import io.tenantconfig.domain.health.NumberHealth;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Meta's lifecycle webhooks do to an account's standing, and what that does to the configuration and its health. */
class AccountStandingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AccountStanding DISCONNECTED =
            new AccountStanding(Status.DISCONNECTED, "PARTNER_APP_UNINSTALLED", "uninstalled", NOW);
    private static final AccountStanding BANNED =
            new AccountStanding(Status.DISABLED, "DISABLED_UPDATE", "banned", NOW);
    private static final MetaId WABA = MetaId.parse("500");

    /** The tenant's one account, in {@code standing}. */
    private static Accounts standing(AccountStanding standing) {
        return new Accounts(
                List.of(new Account(new WhatsAppAccount(WABA, null), TokenGrant.NONE, null, Set.of(), standing, null)));
    }

    private static Optional<Status> after(AccountStanding current, String field, Map<String, String> values) {
        return AccountEvents.standingAfter(current, field, values, NOW).map(AccountStanding::status);
    }

    static Stream<Arguments> accountUpdates() {
        return Stream.of(
                Arguments.of(AccountStanding.GOOD, Map.of("event", "PARTNER_APP_UNINSTALLED"), Status.DISCONNECTED),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "PARTNER_REMOVED"), Status.DISCONNECTED),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "OFFBOARDED"), Status.DISCONNECTED),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "ACCOUNT_DELETED"), Status.DELETED),
                Arguments.of(
                        AccountStanding.GOOD,
                        Map.of("event", "DISABLED_UPDATE", "ban_info.waba_ban_state", "DISABLE"),
                        Status.DISABLED),
                Arguments.of(
                        AccountStanding.GOOD,
                        Map.of("event", "DISABLED_UPDATE", "ban_info.waba_ban_state", "SCHEDULE_FOR_DISABLE"),
                        Status.RESTRICTED),
                Arguments.of(
                        BANNED,
                        Map.of("event", "DISABLED_UPDATE", "ban_info.waba_ban_state", "REINSTATE"),
                        Status.GOOD),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "ACCOUNT_RESTRICTION"), Status.RESTRICTED),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "ACCOUNT_VIOLATION"), Status.RESTRICTED),
                Arguments.of(DISCONNECTED, Map.of("event", "PARTNER_APP_INSTALLED"), Status.GOOD),
                Arguments.of(DISCONNECTED, Map.of("event", "PARTNER_ADDED"), Status.GOOD),
                Arguments.of(DISCONNECTED, Map.of("event", "RECONNECTED"), Status.GOOD),
                Arguments.of(BANNED, Map.of("event", "PARTNER_APP_INSTALLED"), null),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "PARTNER_APP_INSTALLED"), null),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "DISABLED_UPDATE"), null),
                Arguments.of(AccountStanding.GOOD, Map.of("event", "VERIFIED_ACCOUNT"), null),
                Arguments.of(AccountStanding.GOOD, Map.of(), null));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("accountUpdates")
    void each_account_update_gives_the_standing_a_user_expects(
            AccountStanding current, Map<String, String> values, Status expected) {
        assertThat(after(current, AccountEvents.ACCOUNT_UPDATE, values)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void other_fields_leave_the_standing_alone_and_reviews_restrict_or_lift_their_own_restriction() {
        assertThat(after(AccountStanding.GOOD, "messages", Map.of("event", "ACCOUNT_DELETED")))
                .isEmpty();
        assertThat(after(AccountStanding.GOOD, AccountEvents.ACCOUNT_REVIEW_UPDATE, Map.of("decision", "REJECTED")))
                .contains(Status.RESTRICTED);
        AccountStanding rejected = AccountEvents.standingAfter(
                        AccountStanding.GOOD, AccountEvents.ACCOUNT_REVIEW_UPDATE, Map.of("decision", "REJECTED"), NOW)
                .orElseThrow();
        assertThat(after(rejected, AccountEvents.ACCOUNT_REVIEW_UPDATE, Map.of("decision", "APPROVED")))
                .contains(Status.GOOD);
        assertThat(after(BANNED, AccountEvents.ACCOUNT_REVIEW_UPDATE, Map.of("decision", "APPROVED")))
                .as("an approved review does not lift a ban")
                .isEmpty();
    }

    @Test
    void details_quote_what_meta_sent_within_bounds() {
        AccountStanding ban = AccountEvents.standingAfter(
                        AccountStanding.GOOD,
                        AccountEvents.ACCOUNT_UPDATE,
                        Map.of(
                                "event",
                                "DISABLED_UPDATE",
                                "ban_info.waba_ban_state",
                                "DISABLE",
                                "ban_info.waba_ban_date",
                                "2026-11-30"),
                        NOW)
                .orElseThrow();
        assertThat(ban.detail()).isEqualTo("Meta disabled the WhatsApp Business Account on 2026-11-30.");
        assertThat(ban.since()).isEqualTo(NOW);
        AccountStanding restricted = AccountEvents.standingAfter(
                        AccountStanding.GOOD,
                        AccountEvents.ACCOUNT_UPDATE,
                        Map.of("event", "ACCOUNT_RESTRICTION", "restriction_info.0.restriction_type", "x".repeat(5000)),
                        NOW)
                .orElseThrow();
        assertThat(restricted.detail()).hasSizeLessThan(200);
    }

    private static String detail(Map<String, String> values) {
        return AccountEvents.standingAfter(AccountStanding.GOOD, AccountEvents.ACCOUNT_UPDATE, values, NOW)
                .orElseThrow()
                .detail();
    }

    @Test
    void each_detail_says_what_happened_in_words_with_what_meta_added() {
        assertThat(detail(Map.of("event", "PARTNER_APP_UNINSTALLED")))
                .isEqualTo("The platform's app was uninstalled from the WhatsApp Business Account.");
        assertThat(detail(Map.of("event", "PARTNER_REMOVED")))
                .isEqualTo("The business removed the platform as a partner of its WhatsApp Business Account.");
        assertThat(detail(Map.of("event", "OFFBOARDED")))
                .isEqualTo("The WhatsApp Business Account was offboarded from the platform.");
        assertThat(detail(Map.of(
                        "event", "ACCOUNT_RESTRICTION",
                        "restriction_info.0.restriction_type", "RESTRICTED_BIZ_INITIATED_MESSAGING",
                        "restriction_info.0.expiration", "1764547200")))
                .isEqualTo("Meta restricted the account (RESTRICTED_BIZ_INITIATED_MESSAGING, 1764547200).");
        assertThat(detail(Map.of(
                        "event", "ACCOUNT_RESTRICTION",
                        "restriction_info.0.restriction_type", " ",
                        "restriction_info.0.expiration", "1764547200")))
                .as("a blank value is left out")
                .isEqualTo("Meta restricted the account (1764547200).");
        assertThat(detail(Map.of("event", "ACCOUNT_RESTRICTION"))).isEqualTo("Meta restricted the account.");
        assertThat(detail(Map.of("event", "ACCOUNT_VIOLATION", "violation_info.violation_type", "x".repeat(100))))
                .isEqualTo("Meta found a policy violation (" + "x".repeat(100) + ").");
        assertThat(detail(Map.of("event", "ACCOUNT_VIOLATION", "violation_info.violation_type", "x".repeat(101))))
                .isEqualTo("Meta found a policy violation (" + "x".repeat(100) + "...).");
        assertThat(detail(Map.of(
                        "event", "DISABLED_UPDATE",
                        "ban_info.waba_ban_state", "DISABLE",
                        "ban_info.waba_ban_date", "d".repeat(100))))
                .isEqualTo("Meta disabled the WhatsApp Business Account on " + "d".repeat(100) + ".");
        assertThat(detail(Map.of(
                        "event", "DISABLED_UPDATE",
                        "ban_info.waba_ban_state", "DISABLE",
                        "ban_info.waba_ban_date", "d".repeat(101))))
                .as("a date too long to be one is left out")
                .isEqualTo("Meta disabled the WhatsApp Business Account.");
    }

    @Test
    void a_standing_other_than_good_says_what_meta_sent_and_when() {
        assertThatThrownBy(() -> new AccountStanding(Status.DISABLED, null, "x", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountStanding(Status.DISABLED, "DISABLED_UPDATE", "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TenantConfig config() {
        return changed(TenantConfig.create(
                        TenantId.of("acme"),
                        UserId.of("alice"),
                        update().wabaId("500")
                                .phoneNumberId("1001")
                                .displayPhoneNumber("+1 555-010-0000")
                                .build(),
                        CLOCK))
                .config();
    }

    @Test
    void a_configuration_serves_only_while_switched_on_and_its_account_serves() {
        TenantConfig config = config();
        assertThat(config.inService()).isTrue();
        Changed banned = changed(config.standingChanged(WABA, BANNED, CLOCK));
        assertThat(banned.config().inService()).isFalse();
        assertThat(banned.config().active()).isTrue();
        assertThat(banned.event())
                .isEqualTo(new DomainEvent.AccountStandingChanged(
                        TenantId.of("acme"), java.util.Set.of("account_standing"), WABA, BANNED));
        assertThat(banned.config().standingChanged(WABA, BANNED, CLOCK))
                .as("the same again")
                .isEqualTo(new Outcome.Unchanged());
        assertThat(changed(config.standingChanged(
                                WABA, new AccountStanding(Status.RESTRICTED, "ACCOUNT_VIOLATION", "v", NOW), CLOCK))
                        .config()
                        .inService())
                .isTrue();
        assertThat(changed(config.deactivate(CLOCK)).config().inService()).isFalse();
    }

    @Test
    void an_approved_name_is_matched_by_the_numbers_digits() {
        TenantConfig config = config();
        Changed named = changed(config.nameApproved("15550100000", VerifiedName.parse("Acme"), CLOCK));
        assertThat(named.config().defaultNumber().orElseThrow().verifiedName()).isEqualTo(VerifiedName.parse("Acme"));
        assertThat(named.event().fields()).containsExactly("phone_numbers.1001.verified_name");
        assertThat(named.config().nameApproved("+1 (555) 010-0000", VerifiedName.parse("Acme"), CLOCK))
                .as("already so named")
                .isEqualTo(new Outcome.Unchanged());
        assertThat(config.nameApproved("15559999999", VerifiedName.parse("Acme"), CLOCK))
                .isEqualTo(new Outcome.Unchanged());
        assertThat(config.nameApproved("", VerifiedName.parse("Acme"), CLOCK)).isEqualTo(new Outcome.Unchanged());
        assertThat(config.nameApproved(null, VerifiedName.parse("Acme"), CLOCK)).isEqualTo(new Outcome.Unchanged());
    }

    @Test
    void health_shows_the_standing_beside_what_checks_found_and_forgets_it_once_lifted() {
        HealthReason expiring = new HealthReason(HealthReason.Code.TOKEN_EXPIRING, "soon");
        Health checked = new Health(List.of(expiring), NOW, null, List.<NumberHealth>of(), null, null);

        Health banned = checked.withStanding(standing(BANNED));
        assertThat(banned.state()).isEqualTo(HealthState.DISABLED);
        assertThat(banned.reasons())
                .extracting(reason -> reason.code().name())
                .containsExactly("ACCOUNT_DISABLED", "TOKEN_EXPIRING");
        assertThat(banned.reasons().get(0).message()).startsWith("banned (reported by Meta on 2026-12-01).");

        Health restricted =
                banned.withStanding(standing(new AccountStanding(Status.RESTRICTED, "ACCOUNT_VIOLATION", "v", NOW)));
        assertThat(restricted.state()).isEqualTo(HealthState.RESTRICTED);
        assertThat(restricted.reasons())
                .extracting(reason -> reason.code().name())
                .containsExactly("ACCOUNT_RESTRICTED", "TOKEN_EXPIRING");

        assertThat(restricted.withStanding(standing(AccountStanding.GOOD))).isEqualTo(checked);
        assertThat(Health.NEVER_CHECKED.withStanding(standing(DISCONNECTED)).state())
                .isEqualTo(HealthState.DISABLED);
        assertThat(Health.NEVER_CHECKED
                        .withStanding(standing(DISCONNECTED))
                        .withStanding(standing(AccountStanding.GOOD)))
                .isEqualTo(Health.NEVER_CHECKED);
        assertThat(HealthRules.standingReason(AccountStanding.GOOD)).isEmpty();
    }

    @Test
    void only_an_installed_app_in_account_update_says_a_signup_finished_at_meta() {
        assertThat(AccountEvents.signupFinishedAtMeta("account_update", Map.of("event", "PARTNER_APP_INSTALLED")))
                .isTrue();
        assertThat(AccountEvents.signupFinishedAtMeta("account_update", Map.of("event", "PARTNER_ADDED")))
                .isFalse();
        assertThat(AccountEvents.signupFinishedAtMeta("account_update", Map.of()))
                .isFalse();
        assertThat(AccountEvents.signupFinishedAtMeta(
                        "account_review_update", Map.of("event", "PARTNER_APP_INSTALLED")))
                .isFalse();
    }
}
