package io.tenantconfig.adapters.rest.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UntrustedText;
import io.tenantconfig.domain.UserId;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a bearer token and reads the caller from it. Only the configured algorithms are
 * accepted, each with its own key; the signature, {@code exp} (required), {@code nbf}, and the
 * configured issuer and audience are checked. The token itself is never logged.
 */
public final class JwtVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

    private final JwtSettings settings;

    private final JwtParser parser;

    public JwtVerifier(JwtSettings settings, Clock clock) {
        this.settings = settings;
        JwtParserBuilder builder = Jwts.parser()
                .keyLocator(new ConfiguredKeys(settings))
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(settings.clockSkew().toSeconds());
        if (settings.issuer() != null) {
            builder.requireIssuer(settings.issuer());
        }
        if (settings.audience() != null) {
            builder.requireAudience(settings.audience());
        }
        this.parser = builder.build();
    }

    /** The caller, or empty when the token is not one this service accepts. */
    public Optional<CallerPrincipal> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > settings.maxTokenLength()) {
            LOG.debug("Token refused: empty or longer than {} characters", settings.maxTokenLength());
            return Optional.empty();
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            return principal(claims);
        } catch (JwtException | IllegalArgumentException e) {
            // jjwt's messages describe the failure (expired, bad signature...), never the token.
            LOG.debug("Token refused: {}", UntrustedText.escaped(e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<CallerPrincipal> principal(Claims claims) {
        Date expiration = claims.getExpiration();
        if (expiration == null) {
            LOG.debug("Token refused: it has no exp claim");
            return Optional.empty();
        }
        Optional<String> subject = firstText(claims, settings.claims().user());
        if (subject.isEmpty() || !isUserId(subject.get())) {
            LOG.debug(
                    "Token refused: it names no user ({}), or one longer than {} characters or with control characters",
                    settings.claims().user(),
                    UserId.MAX_LENGTH);
            return Optional.empty();
        }
        TenantId tenant;
        try {
            tenant = tenant(claims).map(TenantId::presented).orElse(null);
        } catch (InvalidValueException e) {
            LOG.debug(
                    "Token refused: its tenant claim is not a valid tenant id (1 to 100 printable characters, no surrounding spaces, no '/')");
            return Optional.empty();
        }
        List<String> tokenRoles = roles(claims);
        Set<String> roles = new HashSet<>();
        if (tokenRoles.contains(settings.adminRole())) {
            roles.add(Roles.ADMIN);
        }
        if (tokenRoles.contains(settings.serviceRole())) {
            roles.add(Roles.SERVICE);
        }
        return Optional.of(new CallerPrincipal(
                subject.get(),
                tenant,
                roles,
                tokenRoles,
                text(claims.get(settings.claims().email())).orElse(null),
                strings(claims.get(settings.claims().modules())),
                Instant.ofEpochMilli(expiration.getTime())));
    }

    /** A subject the audit trail and the logs can name: 1 to 255 characters, no control characters. */
    private static boolean isUserId(String subject) {
        try {
            UserId.of(subject);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** The tenant as a string, a number, or an object with an {@code id}. */
    private Optional<String> tenant(Claims claims) {
        for (String name : settings.claims().tenant()) {
            Object value = claims.get(name);
            if (value instanceof Map<?, ?> object) {
                value = object.get("id");
            }
            Optional<String> text = text(value);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private List<String> roles(Claims claims) {
        for (String name : settings.claims().roles()) {
            Object value = claims.get(name);
            if (value != null) {
                return strings(value);
            }
        }
        return List.of();
    }

    private static Optional<String> firstText(Claims claims, List<String> names) {
        for (String name : names) {
            Optional<String> text = text(claims.get(name));
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        if (value instanceof Number n) {
            return Optional.of(n.toString());
        }
        return Optional.empty();
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            List<String> result = new ArrayList<>();
            values.forEach(v -> text(v).ifPresent(result::add));
            return result;
        }
        return text(value).map(List::of).orElse(List.of());
    }

    /** The key for the algorithm a token's header names, if that algorithm is configured. */
    private static final class ConfiguredKeys extends LocatorAdapter<Key> {
        private final JwtSettings settings;

        ConfiguredKeys(JwtSettings settings) {
            this.settings = settings;
        }

        @Override
        protected Key locate(JwsHeader header) {
            String algorithm = header.getAlgorithm();
            if (algorithm == null || !settings.algorithms().contains(algorithm)) {
                throw new UnsupportedJwtException("algorithm " + algorithm + " is not accepted");
            }
            if (JwtSettings.HMAC.contains(algorithm)) {
                return settings.hmacKey();
            }
            return algorithm.startsWith("RS") ? settings.rsaKey() : settings.ecKey();
        }
    }
}
