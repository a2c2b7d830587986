package io.tenantconfig.application.port.in;

import java.util.List;

/**
 * The credentials the loader resolves, in the order it reports them, with the environment
 * variables each falls back to (none: database only).
 */
public enum CredentialField {
    PHONE_NUMBER_ID("phone_number_id", false, "WHATSAPP_PHONE_ID"),
    ACCESS_TOKEN("access_token", true, "WHATSAPP_TOKEN"),
    VERIFY_TOKEN("verify_token", false, "VERIFY_TOKEN"),
    CALLBACK_URL("callback_url", false, "CALLBACK_URL"),
    FB_APP_ID("fb_app_id", false, "FB_APP_ID", "META_APP_ID"),
    FB_APP_SECRET("fb_app_secret", true, "FB_APP_SECRET", "META_APP_SECRET"),
    WABA_ID("waba_id", false),
    REDIRECT_URL("redirect_url", false);

    private final String fieldName;
    private final boolean secret;
    private final List<String> fallbackVariables;

    CredentialField(String fieldName, boolean secret, String... fallbackVariables) {
        this.fieldName = fieldName;
        this.secret = secret;
        this.fallbackVariables = List.of(fallbackVariables);
    }

    public String fieldName() {
        return fieldName;
    }

    /** Whether the value is masked for callers who may not see secrets. */
    public boolean isSecret() {
        return secret;
    }

    /** The environment variables tried, in order, when the tenant has no value of its own. */
    public List<String> fallbackVariables() {
        return fallbackVariables;
    }
}
