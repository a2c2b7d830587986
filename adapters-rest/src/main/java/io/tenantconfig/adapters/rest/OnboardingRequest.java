package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.FieldViolation;
import io.tenantconfig.domain.InvalidTenantConfigException;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.WebUrl;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The onboarding request, {@code {code, waba_id, phone_number_id, redirect_uri?, business_id?}}:
 * every missing, invalid or unknown field is named in one 422. No value is ever echoed.
 */
record OnboardingRequest(SignupCode code, SignupAccount account) {

    private static final Set<String> FIELDS = Set.of("code", "waba_id", "phone_number_id", "redirect_uri", "business_id");

    static OnboardingRequest read(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidTenantConfigException(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        String code = text(body, "code", true, violations);
        SignupCode signupCode = null;
        if (code != null) {
            try {
                signupCode = new SignupCode(code);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("code", "code must be 1 to " + SignupCode.MAX_LENGTH
                        + " printable characters"));
            }
        }
        MetaId wabaId = metaId(body, ConfigField.WABA_ID, true, violations);
        MetaId phoneNumberId = metaId(body, ConfigField.PHONE_NUMBER_ID, true, violations);
        MetaId businessId = metaId(body, ConfigField.BUSINESS_ID, false, violations);
        WebUrl redirectUri = null;
        String redirect = text(body, "redirect_uri", false, violations);
        if (redirect != null) {
            try {
                redirectUri = WebUrl.parse(ConfigField.REDIRECT_URL, redirect);
            } catch (InvalidValueException e) {
                violations.add(new FieldViolation("redirect_uri", e.getMessage().replaceFirst("^redirect_url", "redirect_uri")));
            }
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
                violations.add(new FieldViolation(shown, shown + " is not a field of an onboarding request"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidTenantConfigException(violations);
        }
        return new OnboardingRequest(signupCode, new SignupAccount(wabaId, phoneNumberId, businessId, redirectUri));
    }

    private static String text(JsonNode body, String name, boolean required, List<FieldViolation> violations) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(new FieldViolation(name, name + " is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new FieldViolation(name, name + " must be a string"));
            return null;
        }
        return node.textValue();
    }

    private static MetaId metaId(JsonNode body, ConfigField field, boolean required,
            List<FieldViolation> violations) {
        String value = text(body, field.fieldName(), required, violations);
        if (value == null) {
            return null;
        }
        try {
            return MetaId.parse(field, value);
        } catch (InvalidValueException e) {
            violations.add(FieldViolation.of(e));
            return null;
        }
    }

    @Override
    public String toString() {
        return "OnboardingRequest[account=" + account + "]";
    }
}
