package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.WebhookInbox;
import java.util.List;

/** For admins: the changes Meta sent that no tenant owns, newest first, and how many there are. */
public interface UnroutableWebhookChangesUseCase {

    /** @param limit 1 to 100 */
    Unroutable unroutable(int limit);

    record Unroutable(long total, List<WebhookInbox.UnroutableChange> newest) {
        public Unroutable {
            newest = List.copyOf(newest);
        }
    }
}
