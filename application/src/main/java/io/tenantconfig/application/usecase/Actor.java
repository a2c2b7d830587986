package io.tenantconfig.application.usecase;

import java.util.Objects;

/** Who asks for a change: the subject of the caller's verified token, recorded with what it changes. */
public record Actor(String subject) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return subject;
    }
}
