package io.tenantconfig.domain;

import java.util.Objects;

/** What a tenant changes about one of its numbers; each part kept or set (none can be cleared but the label). */
public record PhoneNumberUpdate(
        FieldUpdate<NumberLabel> label, FieldUpdate<Boolean> active, FieldUpdate<Boolean> isDefault) {

    public PhoneNumberUpdate {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(isDefault, "isDefault");
        if (active.clears() || isDefault.clears()) {
            throw new InvalidValueException("cannot be cleared, only set to true or false");
        }
    }
}
