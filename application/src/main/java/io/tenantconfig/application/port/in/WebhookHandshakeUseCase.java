package io.tenantconfig.application.port.in;

import java.util.Optional;

/**
 * Meta's check of a callback URL before it sends anything there: it calls with
 * {@code hub.mode=subscribe}, the verify token it was given and a challenge, and expects the
 * challenge back. A tenant's URL (named by its webhook key) answers to the tenant's verify token,
 * or to the platform's ({@code WEBHOOK_VERIFY_TOKEN}) while the tenant has none; the app-level
 * URL to the platform's.
 */
public interface WebhookHandshakeUseCase {

    /**
     * The challenge to echo, or empty when the handshake fails (any part missing or wrong, an
     * unknown key). Tokens are compared in constant time.
     *
     * @param key the tenant's webhook key; empty for the app-level URL
     */
    Optional<String> answer(Optional<String> key, String mode, String verifyToken, String challenge);
}
