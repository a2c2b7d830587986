package io.tenantconfig.domain;

import java.util.Objects;

/** What a tenant changes about one of its numbers; each part kept or set (none can be cleared but the label). */
public record PhoneNumberChanges(Change<NumberLabel> label, Change<Boolean> active, Change<Boolean> isDefault) {

    public PhoneNumberChanges {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(isDefault, "isDefault");
        if (active.clears() || isDefault.clears()) {
            throw new InvalidValueException("cannot be cleared, only set to true or false");
        }
    }
}
