package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.Violations;
import io.tenantconfig.domain.WebUrl;

/**
 * The onboarding request, {@code {code, waba_id, phone_number_id, redirect_uri?, business_id?}}:
 * every missing, invalid or unknown field is named in one 422. No value is ever echoed.
 */
record OnboardingRequest(SignupCode code, SignupAccount account) {

    /** @throws io.tenantconfig.domain.InvalidTenantConfigException naming every field at fault */
    static OnboardingRequest read(JsonNode body) {
        Violations violations = new Violations();
        JsonFields fields = new JsonFields(body, violations);
        SignupCode code = fields.required("code", OnboardingRequest::signupCode);
        MetaId wabaId = fields.required("waba_id", v -> MetaId.parse(ConfigField.WABA_ID, v));
        MetaId phoneNumberId = fields.required("phone_number_id", v -> MetaId.parse(ConfigField.PHONE_NUMBER_ID, v));
        MetaId businessId = fields.optional("business_id", v -> MetaId.parse(ConfigField.BUSINESS_ID, v));
        WebUrl redirectUri = fields.optional("redirect_uri", v -> WebUrl.parse(ConfigField.REDIRECT_URL, v));
        fields.refuseOthers(name -> name + " is not a field of an onboarding request");
        violations.throwIfAny();
        return new OnboardingRequest(code, new SignupAccount(wabaId, phoneNumberId, businessId, redirectUri));
    }

    private static SignupCode signupCode(String value) {
        try {
            return new SignupCode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("code must be 1 to " + SignupCode.MAX_LENGTH + " printable characters");
        }
    }

    @Override
    public String toString() {
        return "OnboardingRequest[account=" + account + "]";
    }
}
