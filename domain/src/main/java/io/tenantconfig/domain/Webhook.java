package io.tenantconfig.domain;

import java.util.Map;
import java.util.function.Function;

/**
 * Where Meta reaches the tenant: the webhook callback URL, the verify token Meta echoes in the
 * webhook handshake, and the URL the Embedded Signup redirected to.
 */
public record Webhook(WebUrl callbackUrl, VerifyToken verifyToken, WebUrl redirectUrl) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<Webhook, Object>> FIELDS = Map.of(
            "callback_url", Webhook::callbackUrl,
            "verify_token", Webhook::verifyToken,
            "redirect_url", Webhook::redirectUrl);

    public static final Webhook NONE = new Webhook(null, null, null);
}
