package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The writable fields of a configuration, each kept, set or cleared. A new configuration is made
 * from its initial values in this same shape; an update applies one to an existing configuration.
 */
public record TenantConfigChanges(
        Change<MetaId> wabaId,
        Change<MetaId> phoneNumberId,
        Change<MetaId> businessId,
        Change<String> displayPhoneNumber,
        Change<Secret> accessToken,
        Change<MetaId> fbAppId,
        Change<Secret> fbAppSecret,
        Change<Secret> refreshToken,
        Change<WebUrl> callbackUrl,
        Change<WebUrl> redirectUrl,
        Change<VerifyToken> verifyToken,
        Change<Instant> tokenExpiresAt,
        Change<Boolean> active) {

    public static final int MAX_DISPLAY_PHONE_NUMBER_LENGTH = 32;

    public TenantConfigChanges {
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(fbAppId, "fbAppId");
        Objects.requireNonNull(fbAppSecret, "fbAppSecret");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(redirectUrl, "redirectUrl");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
        Objects.requireNonNull(active, "active");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No field changes. */
    public static TenantConfigChanges none() {
        return builder().build();
    }

    /** Checks a display phone number as Meta shows it, e.g. {@code +1 555-010-0000}. */
    public static String displayPhoneNumber(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_DISPLAY_PHONE_NUMBER_LENGTH
                || !value.matches("[0-9+()\\-. ]+")) {
            throw new InvalidValueException(ConfigField.DISPLAY_PHONE_NUMBER,
                    "display_phone_number must be 1 to " + MAX_DISPLAY_PHONE_NUMBER_LENGTH
                            + " characters of digits, spaces and + ( ) - .");
        }
        return value;
    }

    /** Builds changes; every field not named is kept. */
    public static final class Builder {
        private Change<MetaId> wabaId = Change.keep();
        private Change<MetaId> phoneNumberId = Change.keep();
        private Change<MetaId> businessId = Change.keep();
        private Change<String> displayPhoneNumber = Change.keep();
        private Change<Secret> accessToken = Change.keep();
        private Change<MetaId> fbAppId = Change.keep();
        private Change<Secret> fbAppSecret = Change.keep();
        private Change<Secret> refreshToken = Change.keep();
        private Change<WebUrl> callbackUrl = Change.keep();
        private Change<WebUrl> redirectUrl = Change.keep();
        private Change<VerifyToken> verifyToken = Change.keep();
        private Change<Instant> tokenExpiresAt = Change.keep();
        private Change<Boolean> active = Change.keep();

        private Builder() {
        }

        public Builder wabaId(Change<MetaId> change) {
            this.wabaId = change;
            return this;
        }

        public Builder phoneNumberId(Change<MetaId> change) {
            this.phoneNumberId = change;
            return this;
        }

        public Builder businessId(Change<MetaId> change) {
            this.businessId = change;
            return this;
        }

        public Builder displayPhoneNumber(Change<String> change) {
            this.displayPhoneNumber = change;
            return this;
        }

        public Builder accessToken(Change<Secret> change) {
            this.accessToken = change;
            return this;
        }

        public Builder fbAppId(Change<MetaId> change) {
            this.fbAppId = change;
            return this;
        }

        public Builder fbAppSecret(Change<Secret> change) {
            this.fbAppSecret = change;
            return this;
        }

        public Builder refreshToken(Change<Secret> change) {
            this.refreshToken = change;
            return this;
        }

        public Builder callbackUrl(Change<WebUrl> change) {
            this.callbackUrl = change;
            return this;
        }

        public Builder redirectUrl(Change<WebUrl> change) {
            this.redirectUrl = change;
            return this;
        }

        public Builder verifyToken(Change<VerifyToken> change) {
            this.verifyToken = change;
            return this;
        }

        public Builder tokenExpiresAt(Change<Instant> change) {
            this.tokenExpiresAt = change;
            return this;
        }

        public Builder active(Change<Boolean> change) {
            this.active = change;
            return this;
        }

        public TenantConfigChanges build() {
            return new TenantConfigChanges(wabaId, phoneNumberId, businessId, displayPhoneNumber, accessToken,
                    fbAppId, fbAppSecret, refreshToken, callbackUrl, redirectUrl, verifyToken, tokenExpiresAt,
                    active);
        }
    }
}
