package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;

/** The body of {@code report-failure}: Meta's error as the sender received it, with Meta's own names. */
@BodyFields(of = "a failure report")
record FailureReport(
        @JsonProperty("code") Integer code,
        @JsonProperty("error_subcode") Integer errorSubcode) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException when the code is missing or not positive */
    void validate() {
        FieldErrors errors = new FieldErrors();
        if (code == null) {
            errors.add("code", "code is required: Meta's error code, e.g. 190");
        } else if (code < 1) {
            errors.add("code", "code must be a positive number");
        }
        errors.throwIfAny();
    }
}
