package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Objects;

/** A token Meta issued for a tenant, and when it expires ({@code null}: it does not, or it is not known). */
public record AccessGrant(Secret token, Instant expiresAt) {

    public AccessGrant {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "AccessGrant[token=" + token + ", expiresAt=" + expiresAt + "]";
    }
}
