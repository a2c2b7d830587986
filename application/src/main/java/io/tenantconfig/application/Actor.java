package io.tenantconfig.application;

import io.tenantconfig.domain.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * Who asks for a change or a read, as the audit trail records it: the subject of the caller's
 * verified token, its roles, and the request it came with (id and client address, when known).
 */
public record Actor(String subject, Set<String> roles, String requestId, String clientAddress) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public Actor(String subject) {
        this(subject, Set.of(), null, null);
    }

    /** The user this actor is, as a configuration records who created or onboarded it. */
    public UserId user() {
        return UserId.of(subject);
    }

    @Override
    public String toString() {
        return subject;
    }
}
