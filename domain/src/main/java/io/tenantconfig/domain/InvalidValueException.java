package io.tenantconfig.domain;

import java.util.Objects;

/**
 * A value refused by a value type. The message says what is expected, without naming a field
 * ("must be 1 to 32 digits"): the caller knows which field it was reading and puts its name in
 * front. Never carries the refused value, which may be a secret.
 */
public final class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String expectation) {
        super(Objects.requireNonNull(expectation, "expectation"));
    }
}
