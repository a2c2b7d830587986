package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.ResubscribeWebhookUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subscribes every account of the tenant that has its {@code waba_id} and a token, each with its
 * own token, and records on each account when it was. Meta's answer for one account does not undo
 * the others': when one fails, those subscribed before it are recorded, and the answer names them.
 */
final class ResubscribeWebhookService implements ResubscribeWebhookUseCase {

    private final ConfigStore store;
    private final LockedWrite write;
    private final MetaOnboarding meta;
    private final WebhookEndpoints endpoints;
    private final Clock clock;

    ResubscribeWebhookService(ConfigStore store, MetaOnboarding meta, WebhookEndpoints endpoints, Clock clock) {
        this.store = store;
        this.write = new LockedWrite(store);
        this.meta = meta;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    public Result resubscribe(TenantId tenantId, Actor actor) {
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
        List<MetaId> subscribed = new ArrayList<>();
        try {
            // Every account that can be reached, each with its own token: Meta sends each one's changes here.
            for (Account account : subscribable) {
                try {
                    meta.subscribeApp(account.wabaId(), account.token().accessToken());
                    meta.overrideCallback(
                            account.wabaId(), account.token().accessToken(), callback.get(), verifyToken.get());
                } catch (MetaCallFailedException e) {
                    return new Result.MetaFailed(
                            e.failure(),
                            account.wabaId().value(),
                            subscribed.stream().map(MetaId::value).toList());
                }
                subscribed.add(account.wabaId());
            }
        } finally {
            if (!subscribed.isEmpty()) {
                // Recorded even when a later account failed: Meta holds these subscriptions now.
                write.apply(
                        tenantId,
                        ExpectedVersion.any(),
                        actor,
                        current -> current.webhookResubscribed(subscribed, clock));
            }
        }
        return new Result.Subscribed(callback.get().value());
    }
}
