package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.PhoneNumber;

/**
 * The body of {@code POST /config/phone-numbers}: the number to add, the WhatsApp Business Account it
 * belongs to (required when the tenant has several), how it shows, and what the tenant calls it.
 */
@BodyFields(
        of = "a phone number to add",
        readOnly = {"verified_name", "is_default", "is_active", "registered_at", "coexistence"})
record PhoneNumberRequest(
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("display_phone_number") String displayPhoneNumber,
        @JsonProperty("label") String label) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    PhoneNumber toNumber() {
        FieldErrors errors = new FieldErrors();
        MetaId id = errors.required("phone_number_id", phoneNumberId, MetaId::parse);
        MetaId account = errors.optional("waba_id", wabaId, MetaId::parse);
        DisplayPhoneNumber display =
                errors.optional("display_phone_number", displayPhoneNumber, DisplayPhoneNumber::parse);
        NumberLabel numberLabel = errors.optional("label", label, NumberLabel::parse);
        errors.throwIfAny();
        return PhoneNumber.added(id, account, display, numberLabel);
    }
}
