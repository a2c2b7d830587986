package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.WebhookHandshakeUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.VerifyToken;
import java.util.Optional;
import java.util.regex.Pattern;

final class WebhookHandshakeService implements WebhookHandshakeUseCase {

    /** Meta's challenges are numbers; anything echoed is at most this: printable, no markup. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_.\\-]{1,256}");

    private final WebhookKeys keys;
    private final ConfigStore store;
    private final WebhookEndpoints endpoints;

    WebhookHandshakeService(WebhookKeys keys, ConfigStore store, WebhookEndpoints endpoints) {
        this.keys = keys;
        this.store = store;
        this.endpoints = endpoints;
    }

    @Override
    public Optional<String> answer(Optional<String> key, String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode)
                || verifyToken == null
                || challenge == null
                || !CHALLENGE.matcher(challenge).matches()) {
            return Optional.empty();
        }
        Optional<VerifyToken> expected = key.isEmpty()
                ? endpoints.platformVerifyToken()
                : keys.tenantOfKey(key.get()).flatMap(store::load).flatMap(endpoints::verifyTokenFor);
        return expected.filter(token -> WebhookEndpoints.sameText(token.value(), verifyToken))
                .map(token -> challenge);
    }
}
