package io.tenantconfig.application.port.out;

import java.time.Instant;
import java.util.Set;

/**
 * What Meta says about a token: whether it is valid, its type ({@code SYSTEM_USER} for a
 * business integration token, {@code USER} for a user token; {@code null} when not said), when it
 * expires ({@code null}: never) and its scopes (empty when not said).
 */
public record TokenInspection(boolean valid, String type, Instant expiresAt, Set<String> scopes) {

    public TokenInspection {
        scopes = Set.copyOf(scopes);
    }
}
