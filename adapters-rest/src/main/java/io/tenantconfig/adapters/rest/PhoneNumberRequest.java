package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NewPhoneNumber;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.VerifiedName;

/**
 * The body of {@code POST /config/phone-numbers}: the number to add, the WhatsApp Business Account it
 * belongs to (required when the tenant has several), how it shows, and what the tenant calls it.
 * Either a number Meta has ({@code phone_number_id}), or one for Meta to create
 * ({@code country_code}, {@code phone_number}, {@code verified_name}), never both.
 */
@BodyFields(
        of = "a phone number to add",
        readOnly = {"is_default", "is_active", "registered_at", "coexistence", "verified", "code_requested_at"})
record PhoneNumberRequest(
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("display_phone_number") String displayPhoneNumber,
        @JsonProperty("label") String label,
        @JsonProperty("country_code") String countryCode,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("verified_name") String verifiedName) {

    /** A number for Meta to create: what the body says apart from the tenant. */
    record Creation(MetaId wabaId, NewPhoneNumber number, NumberLabel label) {}

    /** Whether the body asks Meta to create the number: it has no id, and one of the fields that make a number. */
    boolean createsNumber() {
        return phoneNumberId == null && (countryCode != null || phoneNumber != null || verifiedName != null);
    }

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    Creation toCreation() {
        FieldErrors errors = new FieldErrors();
        String cc = errors.required("country_code", countryCode, NewPhoneNumber::countryCode);
        String digits = errors.required("phone_number", phoneNumber, NewPhoneNumber::number);
        VerifiedName name = errors.required("verified_name", verifiedName, VerifiedName::parse);
        MetaId account = errors.optional("waba_id", wabaId, MetaId::parse);
        NumberLabel numberLabel = errors.optional("label", label, NumberLabel::parse);
        if (displayPhoneNumber != null) {
            errors.add("display_phone_number", "display_phone_number is Meta's for a number it creates; leave it out");
        }
        NewPhoneNumber number = null;
        if (cc != null && digits != null && name != null) {
            try {
                number = new NewPhoneNumber(cc, digits, name);
            } catch (InvalidValueException e) {
                errors.add("phone_number", "phone_number " + e.getMessage());
            }
        }
        errors.throwIfAny();
        return new Creation(account, number, numberLabel);
    }

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    PhoneNumber toNumber() {
        FieldErrors errors = new FieldErrors();
        MetaId id = errors.required("phone_number_id", phoneNumberId, MetaId::parse);
        for (String creating : new String[] {"country_code", "phone_number", "verified_name"}) {
            if (given(creating)) {
                errors.add(
                        creating,
                        creating + " is for a number Meta is to create; a number added by its phone_number_id"
                                + " is Meta's already: leave it out");
            }
        }
        MetaId account = errors.optional("waba_id", wabaId, MetaId::parse);
        DisplayPhoneNumber display =
                errors.optional("display_phone_number", displayPhoneNumber, DisplayPhoneNumber::parse);
        NumberLabel numberLabel = errors.optional("label", label, NumberLabel::parse);
        errors.throwIfAny();
        return PhoneNumber.added(id, account, display, numberLabel);
    }

    private boolean given(String field) {
        return switch (field) {
            case "country_code" -> countryCode != null;
            case "phone_number" -> phoneNumber != null;
            default -> verifiedName != null;
        };
    }
}
