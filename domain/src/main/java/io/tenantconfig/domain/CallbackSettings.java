package io.tenantconfig.domain;

import java.util.Map;
import java.util.function.Function;

/**
 * Where Meta reaches the tenant: the webhook callback URL, the verify token Meta echoes in the
 * webhook handshake, and the URL the Embedded Signup redirected to.
 */
public record CallbackSettings(WebUrl callbackUrl, VerifyToken verifyToken, WebUrl redirectUrl) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<CallbackSettings, Object>> FIELDS = Map.of(
            "callback_url", CallbackSettings::callbackUrl,
            "verify_token", CallbackSettings::verifyToken,
            "redirect_url", CallbackSettings::redirectUrl);

    public static final CallbackSettings NONE = new CallbackSettings(null, null, null);

    /** With {@code url} as where Embedded Signup redirected to. */
    CallbackSettings redirectingTo(WebUrl url) {
        return new CallbackSettings(callbackUrl, verifyToken, url);
    }
}
