package io.tenantconfig.domain;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The phone number the tenant sends from: Meta's id for it, the number as people see it, and the
 * two-step verification PIN it was registered with. The PIN belongs to the number: a different
 * number never inherits it.
 */
public record PhoneNumber(MetaId id, DisplayPhoneNumber displayNumber, Secret registrationPin) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<PhoneNumber, Object>> FIELDS = Map.of(
            "phone_number_id", PhoneNumber::id,
            "display_phone_number", PhoneNumber::displayNumber,
            "registration_pin", PhoneNumber::registrationPin);

    public static final PhoneNumber NONE = new PhoneNumber(null, null, null);

    /** This number under {@code newId}; a new id means another number, so the PIN is dropped. */
    PhoneNumber identifiedAs(MetaId newId) {
        return Objects.equals(newId, id) ? this : new PhoneNumber(newId, displayNumber, null);
    }

    PhoneNumber displayedAs(DisplayPhoneNumber newDisplayNumber) {
        return new PhoneNumber(id, newDisplayNumber, registrationPin);
    }

    PhoneNumber registeredWith(Secret pin) {
        return new PhoneNumber(id, displayNumber, Objects.requireNonNull(pin, "pin"));
    }
}
