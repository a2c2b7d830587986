package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the tenant holds to call Meta: the access token, a refresh token, when the access token
 * expires ({@code null}: never, or unknown) and when Meta last confirmed it. What is known about
 * a token is about that token only: a different token starts with nothing known.
 */
public record TokenGrant(Secret accessToken, Secret refreshToken, Instant expiresAt, Instant lastVerifiedAt) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<TokenGrant, Object>> FIELDS = Map.of(
            "access_token", TokenGrant::accessToken,
            "refresh_token", TokenGrant::refreshToken,
            "token_expires_at", TokenGrant::expiresAt,
            "last_verified_at", TokenGrant::lastVerifiedAt);

    public static final TokenGrant NONE = new TokenGrant(null, null, null, null);

    /** With {@code token} as the access token; a different token forgets the old one's expiry and check. */
    TokenGrant withAccessToken(Secret token) {
        return Objects.equals(token, accessToken) ? this : new TokenGrant(token, refreshToken, null, null);
    }

    TokenGrant withRefreshToken(Secret token) {
        return new TokenGrant(accessToken, token, expiresAt, lastVerifiedAt);
    }

    TokenGrant expiringAt(Instant newExpiresAt) {
        return new TokenGrant(accessToken, refreshToken, newExpiresAt, lastVerifiedAt);
    }

    /** Meta extended the token at {@code now}: the new one, with its expiry, checked then. */
    TokenGrant refreshedBy(AccessGrant grant, Instant now) {
        return withAccessToken(grant.token()).expiringAt(grant.expiresAt()).verified(grant.expiresAt(), now);
    }

    /** Meta confirmed the token at {@code now} and said when it expires. */
    TokenGrant verified(Instant newExpiresAt, Instant now) {
        return new TokenGrant(accessToken, refreshToken, newExpiresAt, now);
    }
}
