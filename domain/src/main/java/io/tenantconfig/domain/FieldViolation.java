package io.tenantconfig.domain;

import java.util.Objects;

/** One refused field and why. Never carries the refused value: it may be a secret. */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static FieldViolation of(InvalidValueException e) {
        return new FieldViolation(e.field().fieldName(), e.getMessage());
    }
}
