package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.UnroutableWebhookChangesUseCase;
import io.tenantconfig.application.port.out.WebhookInbox;

final class UnroutableWebhookChangesService implements UnroutableWebhookChangesUseCase {

    private final WebhookInbox inbox;

    UnroutableWebhookChangesService(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Unroutable unroutable(int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1 to 100");
        }
        return new Unroutable(inbox.unroutableCount(), inbox.unroutable(limit));
    }
}
