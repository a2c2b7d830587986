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
 * @param verification whether Meta verified it: a number Meta created at the tenant's request is not
 *     until the code sent to it is entered, and is neither registered nor in use before
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
        boolean coexistence,
        NumberVerification verification) {

    /** Its fields by their data-model names (what audit events name), the id aside: it names the number. */
    static final Map<String, Function<PhoneNumber, Object>> FIELDS = Map.of(
            "waba_id", PhoneNumber::wabaId,
            "display_phone_number", PhoneNumber::displayNumber,
            "verified_name", PhoneNumber::verifiedName,
            "label", PhoneNumber::label,
            "is_active", PhoneNumber::active,
            "registered_at", PhoneNumber::registeredAt,
            "registration_pin", PhoneNumber::registrationPin,
            "coexistence", PhoneNumber::coexistence,
            "verified", number -> number.verification().verified(),
            "code_requested_at", number -> number.verification().codeRequestedAt());

    public PhoneNumber {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verification, "verification");
        if (!verification.verified() && (active || registeredAt != null || coexistence)) {
            throw new IllegalArgumentException(
                    "an unverified number is neither in use, nor registered, nor a WhatsApp Business app's");
        }
    }

    /** A number just added to the account {@code wabaId}: in use, not registered by onboarding, no PIN. */
    public static PhoneNumber added(MetaId id, MetaId wabaId, DisplayPhoneNumber displayNumber, NumberLabel label) {
        return new PhoneNumber(
                id, wabaId, displayNumber, null, label, true, null, null, false, NumberVerification.VERIFIED);
    }

    /**
     * A number Meta just created in the account {@code wabaId} at the tenant's request: unverified,
     * so not in use, until the code Meta sends to it is entered and it is registered.
     */
    public static PhoneNumber created(MetaId id, MetaId wabaId, NewPhoneNumber created, NumberLabel label) {
        return new PhoneNumber(
                id,
                wabaId,
                created.displayNumber(),
                created.verifiedName(),
                label,
                false,
                null,
                null,
                false,
                NumberVerification.UNVERIFIED);
    }

    /** Whether the service may have Meta send it a code and verify it: not registered, and not a WhatsApp Business app's. */
    public boolean verifiable() {
        return registeredAt == null && !coexistence;
    }

    /**
     * As a signup named it: a signup is Meta's word that the number is the tenant's, so one still to
     * be verified here is verified and put in use (it was out of use only for want of verification).
     */
    PhoneNumber signedUp() {
        return verification.verified()
                ? this
                : new PhoneNumber(
                        id,
                        wabaId,
                        displayNumber,
                        verifiedName,
                        label,
                        true,
                        registeredAt,
                        registrationPin,
                        coexistence,
                        verification.passed());
    }

    /**
     * As Meta says it is when a signup finished with it unverified: out of use, and to be verified
     * (a code sent to it and entered) before it is registered; its PIN, if one was chosen, is kept.
     */
    PhoneNumber awaitingVerification() {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                label,
                false,
                null,
                registrationPin,
                false,
                NumberVerification.UNVERIFIED);
    }

    PhoneNumber codeRequested(Instant at) {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                label,
                active,
                registeredAt,
                registrationPin,
                coexistence,
                verification.codeRequested(at));
    }

    PhoneNumber verified() {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                label,
                active,
                registeredAt,
                registrationPin,
                coexistence,
                verification.passed());
    }

    /** As a signup named it: the number of a WhatsApp Business app (coexistence), or a Cloud API number only. */
    PhoneNumber withCoexistence(boolean businessApp) {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                label,
                active,
                registeredAt,
                registrationPin,
                businessApp,
                verification);
    }

    PhoneNumber inAccount(MetaId newWabaId) {
        return new PhoneNumber(
                id,
                newWabaId,
                displayNumber,
                verifiedName,
                label,
                active,
                registeredAt,
                registrationPin,
                coexistence,
                verification);
    }

    PhoneNumber displayedAs(DisplayPhoneNumber newDisplayNumber) {
        return new PhoneNumber(
                id,
                wabaId,
                newDisplayNumber,
                verifiedName,
                label,
                active,
                registeredAt,
                registrationPin,
                coexistence,
                verification);
    }

    PhoneNumber named(VerifiedName newName) {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                newName,
                label,
                active,
                registeredAt,
                registrationPin,
                coexistence,
                verification);
    }

    PhoneNumber labelled(NumberLabel newLabel) {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                newLabel,
                active,
                registeredAt,
                registrationPin,
                coexistence,
                verification);
    }

    PhoneNumber inUse(boolean newActive) {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                label,
                newActive,
                registeredAt,
                registrationPin,
                coexistence,
                verification);
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
                coexistence,
                verification);
    }

    PhoneNumber registeredAt(Instant when) {
        return new PhoneNumber(
                id,
                wabaId,
                displayNumber,
                verifiedName,
                label,
                active,
                when,
                registrationPin,
                coexistence,
                verification);
    }

    /** Registered for the Cloud API by the service at {@code when}, and so put in use. */
    PhoneNumber registeredBy(Instant when) {
        return new PhoneNumber(
                id, wabaId, displayNumber, verifiedName, label, true, when, registrationPin, coexistence, verification);
    }
}
