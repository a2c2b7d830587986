package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AuthenticateWebhookUseCase;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase;
import io.tenantconfig.application.port.in.ResubscribeWebhookUseCase;
import io.tenantconfig.application.port.in.UnroutableWebhookChangesUseCase;
import io.tenantconfig.application.port.in.WebhookHandshakeUseCase;
import io.tenantconfig.application.port.in.WebhookSettingsUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.NumberCapacities;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.TemplateSchedule;
import io.tenantconfig.application.port.out.WebhookInbox;
import io.tenantconfig.application.port.out.WebhookIntake;
import io.tenantconfig.application.port.out.WebhookKeys;
import java.time.Clock;

/**
 * Meta's webhooks: the subscription handshake, each body's signature, the changes received (stored,
 * routed to the tenant that owns the number or account, and a tenant's health updated from them);
 * a tenant's callback settings, its resubscription, and the changes nobody owned.
 */
public final class WebhookFeature {

    private final WebhookHandshakeUseCase webhookHandshake;
    private final AuthenticateWebhookUseCase authenticateWebhook;
    private final ReceiveWebhookUseCase receiveWebhook;
    private final WebhookSettingsUseCase webhookSettings;
    private final ResubscribeWebhookUseCase resubscribeWebhook;
    private final UnroutableWebhookChangesUseCase unroutableChanges;

    /**
     * @param fallback and {@code keys}: the platform's verify token, app secrets and public URL, each tenant's key
     * @param intake where received changes are written; {@code inbox} reads them back
     * @param healthStore and {@code schedule}: what a change about an account's standing updates
     * @param capacities where the capacity Meta's capacity webhooks say is kept
     * @param meta resubscribes the app to a tenant's account
     */
    public WebhookFeature(
            ConfigStore store,
            WebhookKeys keys,
            CredentialFallback fallback,
            WebhookIntake intake,
            WebhookInbox inbox,
            NumberDirectory directory,
            HealthStore healthStore,
            HealthSchedule schedule,
            NumberCapacities capacities,
            MetaOnboarding meta,
            Clock clock,
            TemplateSchedule templateSchedule) {
        WebhookEndpoints endpoints = new WebhookEndpoints(fallback, keys);
        this.webhookHandshake = new WebhookHandshakeService(keys, store, endpoints);
        this.authenticateWebhook = new AuthenticateWebhookService(keys, store, endpoints);
        this.receiveWebhook = new ReceiveWebhookService(
                store, intake, directory, healthStore, schedule, capacities, templateSchedule, clock);
        this.webhookSettings = new WebhookSettingsService(store, endpoints, inbox);
        this.resubscribeWebhook = new ResubscribeWebhookService(store, meta, endpoints, clock);
        this.unroutableChanges = new UnroutableWebhookChangesService(inbox);
    }

    public WebhookHandshakeUseCase webhookHandshake() {
        return webhookHandshake;
    }

    public AuthenticateWebhookUseCase authenticateWebhook() {
        return authenticateWebhook;
    }

    public ReceiveWebhookUseCase receiveWebhook() {
        return receiveWebhook;
    }

    public WebhookSettingsUseCase webhookSettings() {
        return webhookSettings;
    }

    public ResubscribeWebhookUseCase resubscribeWebhook() {
        return resubscribeWebhook;
    }

    public UnroutableWebhookChangesUseCase unroutableChanges() {
        return unroutableChanges;
    }
}
