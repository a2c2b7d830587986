package io.tenantconfig.domain;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Applies changes field by field and remembers the names of the fields whose value changed. */
final class FieldEdits {

    private final Set<String> changed = new TreeSet<>();

    <T> T apply(String field, Change<T> change, T current) {
        T next = change.applyTo(current);
        if (!Objects.equals(next, current)) {
            changed.add(field);
        }
        return next;
    }

    /** A flag can be set but not cleared: there is no "unknown" for it. */
    boolean flag(String field, Change<Boolean> change, boolean current) {
        if (change.clears()) {
            throw new IllegalArgumentException(field + " cannot be cleared, only set to true or false");
        }
        return apply(field, change, current);
    }

    void add(String field) {
        changed.add(field);
    }

    Set<String> changed() {
        return Set.copyOf(changed);
    }
}
