package io.tenantconfig.domain.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which tokens a health check sends to Meta's {@code fb_exchange_token} to be extended: a valid
 * user token ({@code debug_token}'s {@code type: USER}, what Embedded Signup's code exchange
 * gives) that expires within the refresh window. Every other token is left alone, with the reason:
 * a business token (Meta's business integration system user token, {@code type: SYSTEM_USER})
 * either never expires or is renewed by the business, never by {@code fb_exchange_token}; a token
 * of a type not reported or not known is not sent either, since Meta answers an exchange it cannot
 * do with an error that would read as a refused token. Pure: the same facts give the same answer.
 */
public final class TokenRefreshPolicy {

    /** Meta's {@code type} of a user token, the only kind {@code fb_exchange_token} extends. */
    public static final String USER = "USER";

    private TokenRefreshPolicy() {}

    /** What to do with a token about which Meta said {@code token}, at {@code now}. */
    public static TokenRefresh decide(TokenFacts token, Instant now, Duration refreshWindow) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(refreshWindow, "refreshWindow");
        if (!token.valid()) {
            return new TokenRefresh.LeftAlone("Meta does not accept the token");
        }
        if (!USER.equals(token.type())) {
            return new TokenRefresh.LeftAlone(
                    token.type() == null
                            ? "Meta did not say the token's type; only user tokens are extended"
                            : "a " + token.type() + " token is never extended; only user tokens are");
        }
        if (token.expiresAt() == null) {
            return new TokenRefresh.LeftAlone("the token never expires");
        }
        if (token.expiresAt().isAfter(now.plus(refreshWindow))) {
            return new TokenRefresh.LeftAlone("the token expires after the refresh window");
        }
        return new TokenRefresh.Extend();
    }

    /** Whether a token is to be extended now, or left alone and why. */
    public sealed interface TokenRefresh {

        /** Send it to {@code fb_exchange_token}. */
        record Extend() implements TokenRefresh {}

        /** Keep it as it is, for this reason. */
        record LeftAlone(String why) implements TokenRefresh {
            public LeftAlone {
                Objects.requireNonNull(why, "why");
            }
        }
    }
}
