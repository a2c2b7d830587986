package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.application.port.in.RequestVerificationCodeUseCase;
import io.tenantconfig.application.port.out.MetaPhoneNumbers.CodeMethod;
import java.util.Arrays;

/**
 * The body of {@code POST /config/phone-numbers/{id}/request-code}: how Meta is to send the code
 * ({@code SMS} or {@code VOICE}) and in which language ({@code en_US}).
 */
@BodyFields(of = "a verification code request")
record VerificationCodeRequest(
        @JsonProperty("code_method") String codeMethod,
        @JsonProperty("language") String language) {

    /** What the body asks for, once every field is checked. */
    record Asked(CodeMethod method, String language) {}

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every field at fault */
    Asked toAsked() {
        FieldErrors errors = new FieldErrors();
        CodeMethod method = null;
        if (codeMethod == null) {
            errors.add("code_method", "code_method is required: SMS or VOICE");
        } else {
            method = Arrays.stream(CodeMethod.values())
                    .filter(each -> each.name().equals(codeMethod))
                    .findFirst()
                    .orElse(null);
            if (method == null) {
                errors.add("code_method", "code_method must be SMS or VOICE");
            }
        }
        if (language == null) {
            errors.add("language", "language is required, e.g. en_US");
        } else if (!RequestVerificationCodeUseCase.LANGUAGE.matcher(language).matches()) {
            errors.add("language", "language must be a language of Meta's, such as en, en_US or pt_BR");
        }
        errors.throwIfAny();
        return new Asked(method, language);
    }
}
