package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One of the tenant's WhatsApp phone numbers: Meta's id for it, the WhatsApp Business Account it
 * belongs to (one of the tenant's {@link Accounts}; {@code null}: the tenant's unnamed one), the
 * number as people see it, the business name Meta verified for it, the tenant's label, whether
 * the tenant uses it, when onboarding registered it for the Cloud API, and the two-step
 * verification PIN it was registered with. The PIN belongs to the number: a different number
 * never inherits it. Whether it is the default is up to {@link PhoneNumbers}.
 *
 * @param coexistence whether it is the number of a WhatsApp Business app served alongside the app
 *     (Embedded Signup's coexistence): the app holds its registration, so the service never registers it
 */
public record PhoneNumber(
        MetaId id,
        MetaId wabaId,
        DisplayPhoneNumber displayNumber,
        VerifiedName verifiedName,
        NumberLabel label,
        boolean active,
        Instant registeredAt,
        Secret registrationPin,
        boolean coexistence) {

    /** Its fields by their data-model names (what audit events name), the id aside: it names the number. */
    static final Map<String, Function<PhoneNumber, Object>> FIELDS = Map.of(
            "waba_id", PhoneNumber::wabaId,
            "display_phone_number", PhoneNumber::displayNumber,
            "verified_name", PhoneNumber::verifiedName,
            "label", PhoneNumber::label,
            "is_active", PhoneNumber::active,
            "registered_at", PhoneNumber::registeredAt,
            "registration_pin", PhoneNumber::registrationPin,
            "coexistence", PhoneNumber::coexistence);

    public PhoneNumber {
        Objects.requireNonNull(id, "id");
    }

    /** A number just added to the account {@code wabaId}: in use, not registered by onboarding, no PIN. */
    public static PhoneNumber added(MetaId id, MetaId wabaId, DisplayPhoneNumber displayNumber, NumberLabel label) {
        return new PhoneNumber(id, wabaId, displayNumber, null, label, true, null, null, false);
    }

    /** As a signup named it: the number of a WhatsApp Business app (coexistence), or a Cloud API number only. */
    PhoneNumber withCoexistence(boolean businessApp) {
        return new PhoneNumber(
                id, wabaId, displayNumber, verifiedName, label, active, registeredAt, registrationPin, businessApp);
    }

    PhoneNumber inAccount(MetaId newWabaId) {
        return new PhoneNumber(
                id, newWabaId, displayNumber, verifiedName, label, active, registeredAt, registrationPin, coexistence);
    }

    PhoneNumber displayedAs(DisplayPhoneNumber newDisplayNumber) {
        return new PhoneNumber(
                id, wabaId, newDisplayNumber, verifiedName, label, active, registeredAt, registrationPin, coexistence);
    }

    PhoneNumber named(VerifiedName newName) {
        return new PhoneNumber(
                id, wabaId, displayNumber, newName, label, active, registeredAt, registrationPin, coexistence);
    }

    PhoneNumber labelled(NumberLabel newLabel) {
        return new PhoneNumber(
                id, wabaId, displayNumber, verifiedName, newLabel, active, registeredAt, registrationPin, coexistence);
    }

    PhoneNumber inUse(boolean newActive) {
        return new PhoneNumber(
                id, wabaId, displayNumber, verifiedName, label, newActive, registeredAt, registrationPin, coexistence);
    }

    PhoneNumber registeredWith(Secret pin) {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                label,
                active,
                registeredAt,
                Objects.requireNonNull(pin, "pin"),
                coexistence);
    }

    PhoneNumber registeredAt(Instant when) {
        return new PhoneNumber(
                id, wabaId, displayNumber, verifiedName, label, active, when, registrationPin, coexistence);
    }
}
