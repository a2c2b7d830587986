package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.WebhookSettingsUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.WebhookInbox;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.util.Optional;

final class WebhookSettingsService implements WebhookSettingsUseCase {

    private final ConfigStore store;
    private final WebhookEndpoints endpoints;
    private final WebhookInbox inbox;

    WebhookSettingsService(ConfigStore store, WebhookEndpoints endpoints, WebhookInbox inbox) {
        this.store = store;
        this.endpoints = endpoints;
        this.inbox = inbox;
    }

    @Override
    public Optional<WebhookSettings> settingsOf(TenantId tenantId) {
        return store.load(tenantId)
                .map(config -> new WebhookSettings(
                        endpoints.callbackUrl(tenantId).map(WebUrl::value).orElse(null),
                        endpoints.verifyTokenFor(config).map(VerifyToken::value).orElse(null),
                        inbox.lastReceivedAt(tenantId).orElse(null)));
    }
}
