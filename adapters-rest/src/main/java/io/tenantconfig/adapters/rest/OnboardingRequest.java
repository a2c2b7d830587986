package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.WebUrl;
import java.util.ArrayList;
import java.util.List;

/**
 * The onboarding request, {@code {code, waba_id, phone_number_id, redirect_uri?, business_id?,
 * waba_ids?}} ({@code waba_ids}: every account the user shared in the signup, {@code waba_id}'s
 * own among them or not): every missing or invalid field is named in one 422. It never prints the code.
 */
@BodyFields(of = "an onboarding request")
record OnboardingRequest(
        @JsonProperty("code") String code,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("redirect_uri") String redirectUri,
        @JsonProperty("business_id") String businessId,
        @JsonProperty("waba_ids") List<String> wabaIds) {

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every field at fault */
    OnboardUseCase.Command toCommand(TenantId tenantId, Actor actor) {
        FieldErrors errors = new FieldErrors();
        SignupCode signupCode = errors.required("code", code, SignupCode::new);
        MetaId waba = errors.required("waba_id", wabaId, MetaId::parse);
        MetaId phoneNumber = errors.required("phone_number_id", phoneNumberId, MetaId::parse);
        WebUrl redirect = errors.optional("redirect_uri", redirectUri, WebUrl::parse);
        MetaId business = errors.optional("business_id", businessId, MetaId::parse);
        List<MetaId> shared = new ArrayList<>();
        if (wabaIds != null && wabaIds.size() > Accounts.MOST) {
            errors.add("waba_ids", "waba_ids holds at most " + Accounts.MOST + " accounts");
        } else if (wabaIds != null) {
            for (String id : wabaIds) {
                MetaId parsed = errors.required("waba_ids", id, MetaId::parse);
                if (parsed != null) {
                    shared.add(parsed);
                }
            }
        }
        errors.throwIfAny();
        return new OnboardUseCase.Command(
                tenantId, actor, signupCode, new SignupAccount(waba, phoneNumber, business, redirect, shared));
    }

    @Override
    public String toString() {
        return "OnboardingRequest[wabaId=" + wabaId + ", phoneNumberId=" + phoneNumberId + "]";
    }
}
