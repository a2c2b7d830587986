package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.FieldUpdate;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.PhoneNumberUpdate;

/**
 * The body of {@code PATCH /config/phone-numbers/{id}}: each field left out (keep) or set;
 * {@code label} may also be {@code null} (no label).
 */
@BodyFields(
        of = "a phone number change",
        readOnly = {"phone_number_id", "display_phone_number", "verified_name", "registered_at", "waba_id"})
record PhoneNumberPatch(
        @JsonProperty("label") FieldUpdate<String> label,
        @JsonProperty("is_active") FieldUpdate<Boolean> isActive,
        @JsonProperty("is_default") FieldUpdate<Boolean> isDefault) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    PhoneNumberUpdate toChanges() {
        FieldErrors errors = new FieldErrors();
        PhoneNumberUpdate changes = new PhoneNumberUpdate(
                errors.change("label", label, NumberLabel::parse),
                errors.flag("is_active", isActive),
                errors.flag("is_default", isDefault));
        errors.throwIfAny();
        return changes;
    }
}
