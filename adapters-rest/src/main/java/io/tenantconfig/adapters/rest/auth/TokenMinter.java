package io.tenantconfig.adapters.rest.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs tokens the way the platform's issuer does, with the configured HMAC secret. For local
 * development and tests only: in production tokens come from the issuer.
 */
public final class TokenMinter {

    private final JwtSettings settings;
    private final Clock clock;

    public TokenMinter(JwtSettings settings, Clock clock) {
        if (settings.hmacKey() == null) {
            throw new IllegalStateException("minting needs an HMAC secret (auth.hmacSecret)");
        }
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A token for {@code subject}, of {@code tenant} (may be null) with {@code roles}, valid for
     * {@code ttl}, written with the claim names this service reads first. The roles {@code admin}
     * and {@code service} are written as the configured names of those roles.
     */
    public String mint(String subject, String tenant, List<String> roles, Duration ttl) {
        Instant now = clock.instant();
        ClaimNames claims = settings.claims();
        var builder = Jwts.builder()
                .id(UUID.randomUUID().toString())
                .subject(subject)
                .claim(claims.user().get(0), subject)
                .claim(
                        claims.roles().get(0),
                        roles.stream().map(this::configuredName).toList())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)));
        if (tenant != null) {
            builder.claim(claims.tenant().get(0), tenant);
        }
        if (settings.issuer() != null) {
            builder.issuer(settings.issuer());
        }
        if (settings.audience() != null) {
            builder.audience().add(settings.audience());
        }
        // The weakest configured HMAC algorithm the key allows: every configured one verifies it.
        String algorithm = settings.algorithms().stream()
                .filter(JwtSettings.HMAC::contains)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("minting needs an HMAC algorithm in auth.algorithms"));
        return builder.signWith(
                        settings.hmacKey(), (MacAlgorithm) Jwts.SIG.get().forKey(algorithm))
                .compact();
    }

    private String configuredName(String role) {
        return switch (role) {
            case Roles.ADMIN -> settings.adminRole();
            case Roles.SERVICE -> settings.serviceRole();
            default -> role;
        };
    }
}
