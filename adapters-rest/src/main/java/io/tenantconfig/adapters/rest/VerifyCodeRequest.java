package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.VerificationCode;

/**
 * The body of {@code POST /config/phone-numbers/{id}/verify-code}: the code the number received.
 * Left out only to retry the registration of a number Meta verified already.
 */
@BodyFields(of = "a verification code")
record VerifyCodeRequest(@JsonProperty("code") String code) {

    /** The code, {@code null} when none is given. @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException when malformed */
    VerificationCode toCode() {
        FieldErrors errors = new FieldErrors();
        VerificationCode parsed = errors.optional("code", code, VerificationCode::parse);
        errors.throwIfAny();
        return parsed;
    }
}
