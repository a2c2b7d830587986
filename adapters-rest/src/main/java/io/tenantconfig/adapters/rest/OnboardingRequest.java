package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.SignupFinish;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.WebUrl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The onboarding request, {@code {code, event?, waba_id, phone_number_id?, redirect_uri?,
 * business_id?, waba_ids?, session_id?}}: the code from {@code FB.login} and Meta's session info
 * as the page received it ({@code event}: how the user finished, {@code FINISH} when left out, as
 * the seed's frontend sends it; {@code waba_ids}: every account the user shared in the signup,
 * {@code waba_id}'s own among them or not). {@code phone_number_id} is required for a
 * {@code FINISH} and refused for a {@code FINISH_ONLY_WABA}. Every missing or invalid field is
 * named in one 422. It never prints the code.
 */
@BodyFields(of = "an onboarding request")
record OnboardingRequest(
        @JsonProperty("code") String code,
        @JsonProperty("event") String event,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("redirect_uri") String redirectUri,
        @JsonProperty("business_id") String businessId,
        @JsonProperty("waba_ids") List<String> wabaIds,
        @JsonProperty("session_id") String sessionId) {

    /** Meta's session ids are opaque; this bounds what is accepted to what such an id can look like. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every field at fault */
    OnboardUseCase.Command toCommand(TenantId tenantId, Actor actor) {
        FieldErrors errors = new FieldErrors();
        SignupCode signupCode = errors.required("code", code, SignupCode::new);
        SignupFinish finish = errors.optional("event", event, OnboardingRequest::finish);
        if (finish == null) {
            finish = SignupFinish.FINISH;
        }
        MetaId waba = errors.required("waba_id", wabaId, MetaId::parse);
        MetaId phoneNumber = null;
        if (finish.needsNumber()) {
            phoneNumber = errors.required("phone_number_id", phoneNumberId, MetaId::parse);
        } else if (!finish.allowsNumber() && phoneNumberId != null) {
            errors.add("phone_number_id", "a " + finish + " signup shares no phone number; leave phone_number_id out");
        } else {
            phoneNumber = errors.optional("phone_number_id", phoneNumberId, MetaId::parse);
        }
        if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
            errors.add("session_id", "session_id must be 1 to 128 letters, digits or . _ : -");
        }
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
                tenantId,
                actor,
                signupCode,
                new SignupAccount(finish, waba, phoneNumber, business, redirect, shared),
                sessionId);
    }

    private static SignupFinish finish(String event) {
        try {
            return SignupFinish.valueOf(event);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("must be one of " + Arrays.toString(SignupFinish.values())
                    + " (a signup that did not finish goes to POST /api/v1/tenant/onboard/signup-events)");
        }
    }

    @Override
    public String toString() {
        return "OnboardingRequest[event=" + event + ", wabaId=" + wabaId + ", phoneNumberId=" + phoneNumberId
                + ", sessionId=" + sessionId + "]";
    }
}
