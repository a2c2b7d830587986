package io.tenantconfig.domain.health;

import java.util.Objects;

/**
 * One thing a check found: the state it implies, a stable code for programs
 * ({@code TOKEN_EXPIRED}), and a sentence a tenant can act on. Never holds a token.
 */
public record HealthReason(HealthState state, String code, String message) {

    public HealthReason {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
