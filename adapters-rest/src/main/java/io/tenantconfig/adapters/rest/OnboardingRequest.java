package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.WebUrl;

/**
 * The onboarding request, {@code {code, waba_id, phone_number_id, redirect_uri?, business_id?}}:
 * every missing or invalid field is named in one 422. It never prints the code.
 */
@BodyFields(of = "an onboarding request")
record OnboardingRequest(
        @JsonProperty("code") String code,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("redirect_uri") String redirectUri,
        @JsonProperty("business_id") String businessId) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every field at fault */
    OnboardUseCase.Command toCommand(TenantId tenantId, Actor actor) {
        FieldErrors errors = new FieldErrors();
        SignupCode signupCode = errors.required("code", code, SignupCode::new);
        MetaId waba = errors.required("waba_id", wabaId, MetaId::parse);
        MetaId phoneNumber = errors.required("phone_number_id", phoneNumberId, MetaId::parse);
        WebUrl redirect = errors.optional("redirect_uri", redirectUri, WebUrl::parse);
        MetaId business = errors.optional("business_id", businessId, MetaId::parse);
        errors.throwIfAny();
        return new OnboardUseCase.Command(
                tenantId, actor, signupCode, new SignupAccount(waba, phoneNumber, business, redirect));
    }

    @Override
    public String toString() {
        return "OnboardingRequest[wabaId=" + wabaId + ", phoneNumberId=" + phoneNumberId + "]";
    }
}
