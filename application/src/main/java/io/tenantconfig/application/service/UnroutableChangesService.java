package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.UnroutableChangesUseCase;
import io.tenantconfig.application.port.out.WebhookInbox;

final class UnroutableChangesService implements UnroutableChangesUseCase {

    private final WebhookInbox inbox;

    UnroutableChangesService(WebhookInbox inbox) {
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
