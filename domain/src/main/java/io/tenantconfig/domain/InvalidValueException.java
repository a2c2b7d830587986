package io.tenantconfig.domain;

import java.util.Objects;

/** A value refused by a value object; the message names the field and says what is expected. */
public final class InvalidValueException extends IllegalArgumentException {

    private final ConfigField field;

    public InvalidValueException(ConfigField field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
    }

    public ConfigField field() {
        return field;
    }
}
