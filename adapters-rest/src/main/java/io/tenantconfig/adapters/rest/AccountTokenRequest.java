package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.Moment;
import io.tenantconfig.domain.Secret;
import java.time.Instant;

/**
 * The body of {@code PUT /config/accounts/{waba_id}/token}: the account's new access token
 * (required, checked as the configuration's {@code access_token} is, and not blank) and when it
 * expires (optional; left out or {@code null}: never, or unknown).
 */
@BodyFields(
        of = "an account's token",
        readOnly = {
            "waba_id",
            "business_id",
            "is_default",
            "token_type",
            "token_scopes",
            "subscribed_at",
            "standing",
            "health",
            "phone_numbers"
        })
record AccountTokenRequest(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_expires_at") String tokenExpiresAt) {

    /** What the request sets, every value checked. */
    record Token(Secret accessToken, Instant expiresAt) {}

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every refused value */
    Token toToken() {
        FieldErrors errors = new FieldErrors();
        Secret token = errors.required("access_token", accessToken, AccountTokenRequest::notBlank);
        Instant expiresAt = errors.optional("token_expires_at", tokenExpiresAt, Moment::parse);
        errors.throwIfAny();
        return new Token(token, expiresAt);
    }

    private static Secret notBlank(String value) {
        if (!value.isEmpty() && value.isBlank()) {
            throw new InvalidValueException("must not be blank");
        }
        return Secret.of(value);
    }
}
