package io.tenantconfig.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.domain.health.TokenRefreshPolicy.TokenRefresh;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which tokens a check sends to fb_exchange_token: user tokens about to expire, never business tokens. */
class TokenRefreshPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Instant SOON = NOW.plus(Duration.ofDays(2));

    private static TokenFacts token(boolean valid, String type, Instant expiresAt) {
        return new TokenFacts(valid, null, null, type, null, expiresAt, Set.of(), Map.of());
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("a user token expiring within the window", token(true, "USER", SOON), null),
                Arguments.of("a user token expiring at the window's end", token(true, "USER", NOW.plus(WINDOW)), null),
                Arguments.of(
                        "a user token expiring later",
                        token(true, "USER", NOW.plus(WINDOW).plusSeconds(1)),
                        "the token expires after the refresh window"),
                Arguments.of("a user token that never expires", token(true, "USER", null), "the token never expires"),
                Arguments.of(
                        "a business token that never expires",
                        token(true, "SYSTEM_USER", null),
                        "a SYSTEM_USER token is never extended; only user tokens are"),
                Arguments.of(
                        "a business token with an expiry",
                        token(true, "SYSTEM_USER", SOON),
                        "a SYSTEM_USER token is never extended; only user tokens are"),
                Arguments.of(
                        "a token whose type Meta did not say",
                        token(true, null, SOON),
                        "Meta did not say the token's type; only user tokens are extended"),
                Arguments.of("an invalid user token", token(false, "USER", SOON), "Meta does not accept the token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void only_valid_user_tokens_about_to_expire_are_extended(String what, TokenFacts token, String leftAloneBecause) {
        TokenRefresh decided = TokenRefreshPolicy.decide(token, NOW, WINDOW);

        if (leftAloneBecause == null) {
            assertThat(decided).isEqualTo(new TokenRefresh.Extend());
        } else {
            assertThat(decided).isEqualTo(new TokenRefresh.LeftAlone(leftAloneBecause));
        }
    }
}
