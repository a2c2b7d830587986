package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.Secret;
import java.util.Objects;

/** One resolved credential and where it came from. Prints masked when it is a secret. */
public record ResolvedValue(CredentialField field, String value, ValueSource source) {

    public ResolvedValue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(source, "source");
        if ((value == null) != (source == ValueSource.NONE)) {
            throw new IllegalArgumentException("a value has a source, and only a missing value has none");
        }
    }

    /** The value as a caller who may not see secrets is shown it. */
    public String maskedValue() {
        return field.isSecret() ? Secret.mask(value) : value;
    }

    @Override
    public String toString() {
        return field.fieldName() + "=" + maskedValue() + " (" + source.label() + ")";
    }
}
