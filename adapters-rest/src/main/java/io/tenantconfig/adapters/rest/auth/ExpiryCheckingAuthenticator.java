package io.tenantconfig.adapters.rest.auth;

import io.dropwizard.auth.AuthenticationException;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.CachingAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets verified tokens be cached, but never past their expiry: a cached caller whose token has
 * expired since it was verified is dropped from the cache and refused.
 */
final class ExpiryCheckingAuthenticator implements Authenticator<String, CallerPrincipal> {

    private final CachingAuthenticator<String, CallerPrincipal> cache;
    private final Clock clock;
    private final Duration clockSkew;

    ExpiryCheckingAuthenticator(CachingAuthenticator<String, CallerPrincipal> cache, Clock clock, Duration clockSkew) {
        this.cache = cache;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    @Override
    public Optional<CallerPrincipal> authenticate(String token) throws AuthenticationException {
        Optional<CallerPrincipal> caller = cache.authenticate(token);
        if (caller.isPresent()
                && !clock.instant().isBefore(caller.get().expiresAt().plus(clockSkew))) {
            cache.invalidate(token);
            return Optional.empty();
        }
        return caller;
    }
}
