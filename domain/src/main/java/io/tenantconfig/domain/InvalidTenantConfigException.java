package io.tenantconfig.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A request to create or change a configuration that breaks one or more rules, all named at once. */
public final class InvalidTenantConfigException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidTenantConfigException(List<FieldViolation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        return violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ", "Invalid tenant configuration: ", ""));
    }
}
