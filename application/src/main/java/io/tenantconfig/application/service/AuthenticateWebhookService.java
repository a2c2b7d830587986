package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

final class AuthenticateWebhookService implements AuthenticateWebhookUseCase {

    private static final String PREFIX = "sha256=";
    private static final int HEX_DIGITS = 64;

    private final WebhookKeys keys;
    private final ConfigStore store;
    private final WebhookEndpoints endpoints;

    AuthenticateWebhookService(WebhookKeys keys, ConfigStore store, WebhookEndpoints endpoints) {
        this.keys = keys;
        this.store = store;
        this.endpoints = endpoints;
    }

    @Override
    public Authentication authenticate(Optional<String> key, byte[] body, String signature) {
        Sender sender = Sender.PLATFORM;
        List<Secret> secrets;
        if (key.isPresent()) {
            Optional<TenantConfig> config = keys.tenantOfKey(key.get()).flatMap(store::load);
            if (config.isEmpty()) {
                return new Authentication.UnknownKey();
            }
            secrets = endpoints.secretsFor(config.get());
            if (config.get().app().appSecret() != null) {
                sender = new Sender(Optional.of(config.get().tenantId()));
            }
        } else {
            secrets = endpoints.platformSecrets();
        }
        if (signature == null || signature.isBlank()) {
            return new Authentication.Forged("the X-Hub-Signature-256 header is missing");
        }
        byte[] claimed = parse(signature.strip());
        if (claimed == null) {
            return new Authentication.Forged("the X-Hub-Signature-256 header is not sha256=<64 hex digits>");
        }
        if (secrets.isEmpty()) {
            return new Authentication.Forged("no app secret is configured to check the signature with");
        }
        for (Secret secret : secrets) {
            if (MessageDigest.isEqual(hmac(secret, body), claimed)) {
                return new Authentication.Authentic(sender);
            }
        }
        return new Authentication.Forged("the signature was not made over this body with the app's secret");
    }

    private static byte[] parse(String signature) {
        if (!signature.startsWith(PREFIX) || signature.length() != PREFIX.length() + HEX_DIGITS) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(Secret secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
