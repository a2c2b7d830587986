package io.tenantconfig.adapters.persistence;

import io.tenantconfig.domain.TenantId;
import java.util.List;

/**
 * What keeps a copy of configurations in memory needs to hear from {@link ConfigNotificationListener}:
 * each committed change, and whether changes are being heard of at all. While they are not, a
 * copy must not be trusted.
 */
interface ConfigNotificationSubscriber {

    /** This tenant's configuration changed (or was created or deleted). */
    void changed(TenantId tenantId);

    /** Every configuration may have changed (delete-all). */
    void changedAll();

    /** Changes are no longer heard of: stop trusting the copy. */
    void announcementsLost();

    /** Every change is heard of (again): start afresh. */
    void announcementsRestored();

    /** Tells each of {@code subscribers}, in order. */
    static ConfigNotificationSubscriber all(ConfigNotificationSubscriber... subscribers) {
        List<ConfigNotificationSubscriber> each = List.of(subscribers);
        return new ConfigNotificationSubscriber() {
            @Override
            public void changed(TenantId tenantId) {
                each.forEach(s -> s.changed(tenantId));
            }

            @Override
            public void changedAll() {
                each.forEach(ConfigNotificationSubscriber::changedAll);
            }

            @Override
            public void announcementsLost() {
                each.forEach(ConfigNotificationSubscriber::announcementsLost);
            }

            @Override
            public void announcementsRestored() {
                each.forEach(ConfigNotificationSubscriber::announcementsRestored);
            }
        };
    }
}
