package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Meta reaches a tenant and how it proves itself: the callback URL under
 * {@code PUBLIC_BASE_URL}, the verify token of the handshake, the app secrets that sign bodies.
 * The platform's values are read from the environment (and {@code .env}) on each use, so a
 * reloaded {@code .env} takes effect at once.
 */
final class WebhookEndpoints {

    static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";
    static final String WEBHOOK_VERIFY_TOKEN = "WEBHOOK_VERIFY_TOKEN";
    static final String FB_APP_SECRET_PREVIOUS = "FB_APP_SECRET_PREVIOUS";
    /** The path of a tenant's callback URL, before its key. */
    static final String TENANT_PATH = "/api/v1/webhooks/whatsapp/";

    private final CredentialFallback fallback;
    private final WebhookKeys keys;

    WebhookEndpoints(CredentialFallback fallback, WebhookKeys keys) {
        this.fallback = fallback;
        this.keys = keys;
    }

    /** The tenant's callback URL; empty when no public base URL is configured (or it is not a valid URL). */
    Optional<WebUrl> callbackUrl(TenantId tenantId) {
        Optional<String> base = fallback.lookup(PUBLIC_BASE_URL).map(WebhookEndpoints::withoutTrailingSlash);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        return keys.keyOf(tenantId).flatMap(key -> {
            try {
                return Optional.of(WebUrl.parse(base.get() + TENANT_PATH + key));
            } catch (InvalidValueException e) {
                return Optional.empty();
            }
        });
    }

    /** The verify token Meta's handshake must send for this tenant: its own, else the platform's. */
    Optional<VerifyToken> verifyTokenFor(TenantConfig config) {
        return config.callbacks().verifyToken() != null
                ? Optional.of(config.callbacks().verifyToken())
                : platformVerifyToken();
    }

    Optional<VerifyToken> platformVerifyToken() {
        return fallback.lookup(WEBHOOK_VERIFY_TOKEN).flatMap(value -> {
            try {
                return Optional.of(VerifyToken.parse(value));
            } catch (InvalidValueException e) {
                return Optional.empty();
            }
        });
    }

    /** The secrets a body from this tenant's app may be signed with: its own app's, else the platform's. */
    List<Secret> secretsFor(TenantConfig config) {
        return config.app().appSecret() != null ? List.of(config.app().appSecret()) : platformSecrets();
    }

    /**
     * The platform's app secret as the loader finds it ({@code FB_APP_SECRET}, else
     * {@code META_APP_SECRET}), then each of {@code FB_APP_SECRET_PREVIOUS} (a rotation under way).
     */
    List<Secret> platformSecrets() {
        List<Secret> secrets = new ArrayList<>();
        CredentialField.FB_APP_SECRET.fallbackVariables().stream()
                .map(fallback::lookup)
                .flatMap(Optional::stream)
                .findFirst()
                .map(Secret::of)
                .ifPresent(secrets::add);
        fallback.lookup(FB_APP_SECRET_PREVIOUS).ifPresent(previous -> {
            for (String one : previous.split(",")) {
                if (!one.isBlank()) {
                    secrets.add(Secret.of(one.strip()));
                }
            }
        });
        return secrets;
    }

    /** Equal, compared in time that does not depend on where they differ. */
    static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String withoutTrailingSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
