package io.tenantconfig.bootstrap.database;

import com.codahale.metrics.health.HealthCheck;
import io.tenantconfig.adapters.persistence.ConfigChangeListener;

/**
 * Unhealthy while the change listener is not listening: answers stay correct, but every lookup
 * goes to the database instead of memory until it is back.
 */
final class ChangeListenerHealthCheck extends HealthCheck {

    private final ConfigChangeListener listener;

    ChangeListenerHealthCheck(ConfigChangeListener listener) {
        this.listener = listener;
    }

    @Override
    protected Result check() {
        if (listener.isListening()) {
            return Result.healthy("receiving every configuration change; lookups are served from memory");
        }
        return Result.unhealthy("not receiving configuration changes (reconnecting); every lookup goes to the "
                + "database until it is back");
    }
}
