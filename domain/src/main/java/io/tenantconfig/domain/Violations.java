package io.tenantconfig.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every refused value of a request instead of stopping at the first, so that a caller
 * learns about all of its mistakes in one answer.
 */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    /** Runs a parse; a refused value is recorded and {@code null} returned in its place. */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            found.add(FieldViolation.of(e));
            return null;
        }
    }

    public void add(FieldViolation violation) {
        found.add(violation);
    }

    public void add(ConfigField field, String message) {
        found.add(new FieldViolation(field.fieldName(), message));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidTenantConfigException(found);
        }
    }
}
