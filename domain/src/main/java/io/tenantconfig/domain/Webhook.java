package io.tenantconfig.domain;

/**
 * Where Meta reaches the tenant: the webhook callback URL, the verify token Meta echoes in the
 * webhook handshake, and the URL the Embedded Signup redirected to.
 */
public record Webhook(WebUrl callbackUrl, VerifyToken verifyToken, WebUrl redirectUrl) {

    public static final Webhook NONE = new Webhook(null, null, null);
}
