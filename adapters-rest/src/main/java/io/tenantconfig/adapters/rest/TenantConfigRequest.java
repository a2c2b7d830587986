package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.domain.Change;
import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.FieldViolation;
import io.tenantconfig.domain.InvalidTenantConfigException;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfigChanges;
import io.tenantconfig.domain.Violations;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the JSON body of a create or update: every writable field, each absent (keep), null
 * (clear) or a value. Every problem is collected, so one answer names all of them: unknown fields
 * (a misspelling is an error, not silently dropped), read-only fields, wrong types, bad values.
 */
final class TenantConfigRequest {

    /** Fields the API shows but nobody sets through it. */
    private static final Set<String> READ_ONLY = Set.of("id", "config_id", "tenant_id", "user_id",
            "onboarding_completed", "onboarded_at", "onboarding_status", "last_verified_at", "created_at",
            "updated_at", "version");

    private static final int MAX_ECHOED_NAME = 64;

    private TenantConfigRequest() {
    }

    /** @throws InvalidTenantConfigException naming every field at fault */
    static TenantConfigChanges read(JsonNode body) {
        Violations violations = new Violations();
        if (body == null || !body.isObject()) {
            violations.add(new FieldViolation("body", "must be a JSON object"));
            violations.throwIfAny();
        }
        Reader reader = new Reader(body, violations);
        TenantConfigChanges changes = TenantConfigChanges.builder()
                .wabaId(reader.text(ConfigField.WABA_ID, v -> MetaId.parse(ConfigField.WABA_ID, v)))
                .phoneNumberId(reader.text(ConfigField.PHONE_NUMBER_ID, v -> MetaId.parse(ConfigField.PHONE_NUMBER_ID, v)))
                .businessId(reader.text(ConfigField.BUSINESS_ID, v -> MetaId.parse(ConfigField.BUSINESS_ID, v)))
                .displayPhoneNumber(reader.text(ConfigField.DISPLAY_PHONE_NUMBER, TenantConfigChanges::displayPhoneNumber))
                .accessToken(reader.text(ConfigField.ACCESS_TOKEN, v -> Secret.of(ConfigField.ACCESS_TOKEN, v)))
                .fbAppId(reader.text(ConfigField.FB_APP_ID, v -> MetaId.parse(ConfigField.FB_APP_ID, v)))
                .fbAppSecret(reader.text(ConfigField.FB_APP_SECRET, v -> Secret.of(ConfigField.FB_APP_SECRET, v)))
                .refreshToken(reader.text(ConfigField.REFRESH_TOKEN, v -> Secret.of(ConfigField.REFRESH_TOKEN, v)))
                .callbackUrl(reader.text(ConfigField.CALLBACK_URL, v -> WebUrl.parse(ConfigField.CALLBACK_URL, v)))
                .redirectUrl(reader.text(ConfigField.REDIRECT_URL, v -> WebUrl.parse(ConfigField.REDIRECT_URL, v)))
                .verifyToken(reader.text(ConfigField.VERIFY_TOKEN, VerifyToken::parse))
                .tokenExpiresAt(reader.text(ConfigField.TOKEN_EXPIRES_AT, TenantConfigRequest::instant))
                .active(reader.flag(ConfigField.IS_ACTIVE))
                .build();
        reader.refuseOtherFields();
        violations.throwIfAny();
        return changes;
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(ConfigField.TOKEN_EXPIRES_AT,
                    "token_expires_at must be an ISO-8601 date-time with an offset, e.g. 2026-03-01T12:00:00Z");
        }
    }

    /** Walks the body's fields once, remembering which ones it recognised. */
    private static final class Reader {
        private final JsonNode body;
        private final Violations violations;
        private final Set<String> known = new HashSet<>();

        Reader(JsonNode body, Violations violations) {
            this.body = body;
            this.violations = violations;
        }

        <T> Change<T> text(ConfigField field, Function<String, T> parse) {
            String name = field.fieldName();
            known.add(name);
            if (!body.has(name)) {
                return Change.keep();
            }
            JsonNode node = body.get(name);
            if (node.isNull()) {
                return Change.clear();
            }
            if (!node.isTextual()) {
                violations.add(field, name + " must be a string");
                return Change.keep();
            }
            T value = violations.check(() -> parse.apply(node.textValue()));
            return value == null ? Change.keep() : Change.to(value);
        }

        Change<Boolean> flag(ConfigField field) {
            String name = field.fieldName();
            known.add(name);
            if (!body.has(name)) {
                return Change.keep();
            }
            JsonNode node = body.get(name);
            if (!node.isBoolean()) {
                violations.add(field, name + " must be true or false");
                return Change.keep();
            }
            return Change.to(node.booleanValue());
        }

        void refuseOtherFields() {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                if (known.contains(name)) {
                    continue;
                }
                if (name.length() > MAX_ECHOED_NAME) {
                    name = name.substring(0, MAX_ECHOED_NAME) + "...";
                }
                violations.add(new FieldViolation(name, READ_ONLY.contains(name)
                        ? name + " is read-only and cannot be set"
                        : name + " is not a field of a tenant configuration"));
            }
        }
    }
}
