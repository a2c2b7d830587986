package io.tenantconfig.domain;

/**
 * The fields of a tenant configuration, under the names of the data model. Validation errors name
 * the field they are about, so that a caller can tell which of its values was refused.
 */
public enum ConfigField {
    TENANT_ID("tenant_id"),
    USER_ID("user_id"),
    WABA_ID("waba_id"),
    PHONE_NUMBER_ID("phone_number_id"),
    BUSINESS_ID("business_id"),
    DISPLAY_PHONE_NUMBER("display_phone_number"),
    ACCESS_TOKEN("access_token"),
    FB_APP_ID("fb_app_id"),
    FB_APP_SECRET("fb_app_secret"),
    REFRESH_TOKEN("refresh_token"),
    REGISTRATION_PIN("registration_pin"),
    CALLBACK_URL("callback_url"),
    REDIRECT_URL("redirect_url"),
    VERIFY_TOKEN("verify_token"),
    TOKEN_EXPIRES_AT("token_expires_at"),
    IS_ACTIVE("is_active");

    private final String fieldName;

    ConfigField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The name of the field in the data model, e.g. {@code waba_id}. */
    public String fieldName() {
        return fieldName;
    }
}
