package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ResubscribeWebhookUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.util.List;
import java.util.Optional;

final class ResubscribeWebhookService implements ResubscribeWebhookUseCase {

    private final ConfigStore store;
    private final MetaOnboarding meta;
    private final WebhookEndpoints endpoints;

    ResubscribeWebhookService(ConfigStore store, MetaOnboarding meta, WebhookEndpoints endpoints) {
        this.store = store;
        this.meta = meta;
        this.endpoints = endpoints;
    }

    @Override
    public Result resubscribe(TenantId tenantId) {
        Optional<TenantConfig> found = store.load(tenantId);
        if (found.isEmpty()) {
            return new Result.NotFound();
        }
        TenantConfig config = found.get();
        List<Account> subscribable = config.accounts().all().stream()
                .filter(account -> account.wabaId() != null && account.token().accessToken() != null)
                .toList();
        if (subscribable.isEmpty()) {
            return new Result.NotReady("the configuration needs an access token and a waba_id to subscribe");
        }
        Optional<WebUrl> callback = endpoints.callbackUrl(tenantId);
        if (callback.isEmpty()) {
            return new Result.NotReady(
                    "no public base URL is configured (PUBLIC_BASE_URL), so there is no callback URL to give Meta");
        }
        Optional<VerifyToken> verifyToken = endpoints.verifyTokenFor(config);
        if (verifyToken.isEmpty()) {
            return new Result.NotReady(
                    "set a verify_token in the configuration (or WEBHOOK_VERIFY_TOKEN for the platform) first");
        }
        try {
            // Every account that can be reached, each with its own token: Meta sends each one's changes here.
            for (Account account : subscribable) {
                meta.subscribeApp(account.wabaId(), account.token().accessToken());
                meta.overrideCallback(
                        account.wabaId(), account.token().accessToken(), callback.get(), verifyToken.get());
            }
        } catch (MetaCallFailedException e) {
            return new Result.MetaFailed(e.failure());
        }
        return new Result.Subscribed(callback.get().value());
    }
}
