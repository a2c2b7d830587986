package io.tenantconfig.domain.health;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.Limits;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of what Meta says and the state it means. */
class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final MetaId APP = MetaId.parse("1234");
    private static final MetaId WABA = MetaId.parse("500");
    private static final MetaId SUPPORT = MetaId.parse("1001");
    private static final MetaId SALES = MetaId.parse("1002");

    private static final TenantConfig CONFIG = changed(changed(TenantConfig.create(
                            TenantId.of("acme"),
                            UserId.of("alice"),
                            update().wabaId("500")
                                    .phoneNumberId("1001")
                                    .displayPhoneNumber("+1 555-0100")
                                    .build(),
                            Clock.fixed(NOW, ZoneOffset.UTC)))
                    .config()
                    .addPhoneNumber(
                            PhoneNumber.added(SALES, null, null, NumberLabel.parse("Sales")),
                            new Limits(PhoneNumbers.MOST, Accounts.MOST),
                            Clock.systemUTC()))
            .config();

    private static final TokenFacts GOOD_TOKEN = new TokenFacts(
            true,
            null,
            null,
            "SYSTEM_USER",
            APP,
            null,
            Set.of(TokenFacts.MANAGEMENT, TokenFacts.MESSAGING),
            Map.of(TokenFacts.MANAGEMENT, Set.of(WABA), TokenFacts.MESSAGING, Set.of(WABA)));

    private static NumberFacts connected(MetaId id) {
        return new NumberFacts(id, true, "CONNECTED", "GREEN", "APPROVED");
    }

    private static final CheckFacts ALL_WELL =
            new CheckFacts(GOOD_TOKEN, List.of(connected(SUPPORT), connected(SALES)), Set.of(SUPPORT, SALES));

    private static CheckFacts token(UnaryOperator<TokenFacts> change) {
        return new CheckFacts(change.apply(GOOD_TOKEN), ALL_WELL.numbers(), ALL_WELL.accountNumbers());
    }

    private static TokenFacts expiring(Instant at) {
        TokenFacts t = GOOD_TOKEN;
        return new TokenFacts(t.valid(), null, null, "USER", t.appId(), at, t.scopes(), t.scopeTargets());
    }

    private static TokenFacts refused(Integer code, Integer subcode) {
        return new TokenFacts(false, code, subcode, null, null, null, Set.of(), Map.of());
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("all well", ALL_WELL, HealthState.HEALTHY, List.of()),
                Arguments.of("never expires", token(t -> expiring(null)), HealthState.HEALTHY, List.of()),
                Arguments.of(
                        "expires in 30 days",
                        token(t -> expiring(NOW.plus(Duration.ofDays(30)))),
                        HealthState.HEALTHY,
                        List.of()),
                Arguments.of(
                        "expires in 6 days",
                        token(t -> expiring(NOW.plus(Duration.ofDays(6)))),
                        HealthState.EXPIRING,
                        List.of("TOKEN_EXPIRING")),
                Arguments.of(
                        "error 190 / 463",
                        token(t -> refused(190, 463)),
                        HealthState.INVALID,
                        List.of("TOKEN_EXPIRED")),
                Arguments.of(
                        "error 190 / 460",
                        token(t -> refused(190, 460)),
                        HealthState.INVALID,
                        List.of("TOKEN_PASSWORD_CHANGED")),
                Arguments.of(
                        "is_valid false",
                        token(t -> refused(null, null)),
                        HealthState.INVALID,
                        List.of("TOKEN_INVALID")),
                Arguments.of(
                        "another app",
                        token(t -> new TokenFacts(
                                true, null, null, "USER", MetaId.parse("999"), null, t.scopes(), t.scopeTargets())),
                        HealthState.APP_MISMATCH,
                        List.of("APP_MISMATCH")),
                Arguments.of(
                        "no messaging permission",
                        token(t -> new TokenFacts(
                                true, null, null, "USER", APP, null, Set.of(TokenFacts.MANAGEMENT), Map.of())),
                        HealthState.PERMISSION_MISSING,
                        List.of("PERMISSION_MISSING")),
                Arguments.of(
                        "account not among the targets",
                        token(t -> new TokenFacts(
                                true,
                                null,
                                null,
                                "USER",
                                APP,
                                null,
                                t.scopes(),
                                Map.of(TokenFacts.MESSAGING, Set.of(MetaId.parse("600"))))),
                        HealthState.PERMISSION_MISSING,
                        List.of("ACCOUNT_NOT_GRANTED")),
                Arguments.of(
                        "a number left the account",
                        new CheckFacts(GOOD_TOKEN, ALL_WELL.numbers(), Set.of(SUPPORT)),
                        HealthState.NUMBER_PROBLEM,
                        List.of("NUMBER_NOT_IN_ACCOUNT")),
                Arguments.of(
                        "Meta does not know a number",
                        new CheckFacts(GOOD_TOKEN, List.of(connected(SUPPORT), NumberFacts.unknown(SALES)), null),
                        HealthState.NUMBER_PROBLEM,
                        List.of("NUMBER_NOT_IN_ACCOUNT")),
                Arguments.of(
                        "disconnected, red and declined",
                        new CheckFacts(
                                GOOD_TOKEN,
                                List.of(
                                        connected(SUPPORT),
                                        new NumberFacts(SALES, true, "DISCONNECTED", "RED", "DECLINED")),
                                Set.of(SUPPORT, SALES)),
                        HealthState.NUMBER_PROBLEM,
                        List.of("NUMBER_NOT_CONNECTED", "NUMBER_QUALITY_RED", "NUMBER_NAME_DECLINED")),
                Arguments.of(
                        "messages blocked by Meta",
                        new CheckFacts(
                                GOOD_TOKEN,
                                List.of(
                                        connected(SUPPORT),
                                        new NumberFacts(SALES, true, "CONNECTED", "GREEN", "APPROVED", "BLOCKED")),
                                Set.of(SUPPORT, SALES)),
                        HealthState.NUMBER_PROBLEM,
                        List.of("NUMBER_BLOCKED")),
                Arguments.of(
                        "messages available",
                        new CheckFacts(
                                GOOD_TOKEN,
                                List.of(
                                        connected(SUPPORT),
                                        new NumberFacts(SALES, true, "CONNECTED", "GREEN", "APPROVED", "AVAILABLE")),
                                Set.of(SUPPORT, SALES)),
                        HealthState.HEALTHY,
                        List.of()),
                Arguments.of(
                        "data access expires in 3 days",
                        token(t -> new TokenFacts(
                                true,
                                null,
                                null,
                                "USER",
                                APP,
                                null,
                                NOW.plus(Duration.ofDays(3)),
                                t.scopes(),
                                t.scopeTargets())),
                        HealthState.EXPIRING,
                        List.of("DATA_ACCESS_EXPIRING")),
                Arguments.of(
                        "expiring and another app: the worse wins, both are said",
                        token(t -> new TokenFacts(
                                true,
                                null,
                                null,
                                "USER",
                                MetaId.parse("999"),
                                NOW.plus(Duration.ofDays(2)),
                                t.scopes(),
                                t.scopeTargets())),
                        HealthState.APP_MISMATCH,
                        List.of("APP_MISMATCH", "TOKEN_EXPIRING")));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("table")
    void what_meta_says_gives_one_state_with_its_reasons(
            String name, CheckFacts facts, HealthState state, List<String> codes) {
        Health health = HealthRules.assess(CONFIG, APP, facts, NOW, WEEK);

        assertThat(health.state()).isEqualTo(state);
        assertThat(health.reasons()).extracting(reason -> reason.code().name()).containsExactlyElementsOf(codes);
        assertThat(health.checkedAt()).isEqualTo(NOW);
        assertThat(health.reasons())
                .allSatisfy(reason -> assertThat(reason.message()).endsWith("."));
    }

    @Test
    void the_reasons_are_sentences_a_tenant_can_act_on() {
        Health expiring =
                HealthRules.assess(CONFIG, APP, token(t -> expiring(Instant.parse("2026-12-04T10:00:00Z"))), NOW, WEEK);
        Health gone = HealthRules.assess(
                CONFIG, APP, new CheckFacts(GOOD_TOKEN, ALL_WELL.numbers(), Set.of(SALES)), NOW, WEEK);

        assertThat(expiring.reasons().get(0).message())
                .isEqualTo(
                        "Your access token expires on 2026-12-04; reconnect WhatsApp (Embedded Signup) before then.");
        assertThat(expiring.tokenExpiresAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(gone.reasons().get(0).message()).startsWith("The phone number +1 555-0100 (1001) is no longer in");
    }

    @Test
    void each_number_reported_is_kept_with_its_status_and_quality() {
        Health health = HealthRules.assess(CONFIG, APP, ALL_WELL, NOW, WEEK);

        assertThat(health.numbers())
                .containsExactly(
                        new NumberHealth(SUPPORT, "CONNECTED", "GREEN"), new NumberHealth(SALES, "CONNECTED", "GREEN"));
    }

    @Test
    void an_unreachable_meta_keeps_the_last_state_and_records_the_error() {
        Health last = HealthRules.assess(CONFIG, APP, token(t -> refused(190, 463)), NOW, WEEK);

        Health kept = last.unreachable(NOW.plusSeconds(60), "Meta did not answer within 10 seconds");

        assertThat(kept.state()).isEqualTo(HealthState.INVALID);
        assertThat(kept.checkedAt()).isEqualTo(NOW);
        assertThat(kept.failedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(kept.changedFrom(last)).isFalse();
        assertThat(Health.NEVER_CHECKED.state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(HealthRules.assess(CONFIG, APP, ALL_WELL, NOW, WEEK).changedFrom(last))
                .isTrue();
    }

    @Test
    void states_are_ordered_worst_first_and_only_some_need_action() {
        assertThat(HealthState.INVALID.worse(HealthState.EXPIRING)).isEqualTo(HealthState.INVALID);
        assertThat(HealthState.HEALTHY.worse(HealthState.NUMBER_PROBLEM)).isEqualTo(HealthState.NUMBER_PROBLEM);
        assertThat(HealthState.values())
                .filteredOn(HealthState::needsAction)
                .containsExactly(
                        HealthState.DISABLED,
                        HealthState.INVALID,
                        HealthState.APP_MISMATCH,
                        HealthState.PERMISSION_MISSING,
                        HealthState.NUMBER_PROBLEM,
                        HealthState.RESTRICTED,
                        HealthState.EXPIRING);
        assertThat(HealthState.DISABLED.worse(HealthState.INVALID)).isEqualTo(HealthState.DISABLED);
    }

    @Test
    void a_refusal_names_meta_s_code_and_subcode_when_it_has_them() {
        assertThat(HealthRules.invalid(190, null).message())
                .startsWith("Meta no longer accepts your access token (error 190).");
        assertThat(HealthRules.invalid(190, 467).message())
                .startsWith("Meta no longer accepts your access token (error 190, subcode 467).");
        assertThat(HealthRules.invalid(null, null).message()).startsWith("Meta no longer accepts your access token.");
        assertThat(HealthRules.invalid(190, 458).code()).isEqualTo(HealthReason.Code.APP_REMOVED);
    }

    @Test
    void other_reasons_in_the_same_state_are_a_change_too() {
        Health redNumber = HealthRules.assess(
                CONFIG,
                APP,
                new CheckFacts(
                        GOOD_TOKEN,
                        List.of(connected(SUPPORT), new NumberFacts(SALES, true, "CONNECTED", "RED", "APPROVED")),
                        Set.of(SUPPORT, SALES)),
                NOW,
                WEEK);
        Health declined = HealthRules.assess(
                CONFIG,
                APP,
                new CheckFacts(
                        GOOD_TOKEN,
                        List.of(connected(SUPPORT), new NumberFacts(SALES, true, "CONNECTED", "GREEN", "DECLINED")),
                        Set.of(SUPPORT, SALES)),
                NOW,
                WEEK);

        assertThat(redNumber.state()).isEqualTo(declined.state());
        assertThat(declined.changedFrom(redNumber)).isTrue();
        assertThat(HealthState.EXPIRING.worse(HealthState.EXPIRING)).isEqualTo(HealthState.EXPIRING);
    }
}
